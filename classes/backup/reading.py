"""Reading a backup a line at a time, checking as it goes: format, manifest, rows, counts and checksum."""

import gzip
import hashlib
import json
import zlib
from pathlib import Path

from .tables import BATCH, FORMAT, FORMAT_VERSION, MANIFEST_LIMIT, BackupError


class BackupFile:
    """A backup on disk, read a line at a time. Opening it reads the manifest; `tables()` reads the rest and
    raises BackupError at the first sign of damage: a truncated or corrupt file, a failed checksum, a count
    that differs from the manifest's."""

    def __init__(self, path):
        self.path = Path(path)
        if not self.path.is_file():
            raise BackupError(f"{path}: no such file.")
        with self.path.open("rb") as file:
            if file.read(2) != b"\x1f\x8b":
                raise BackupError(f"{path} is not a civilspec backup (it is not a gzip file).")
        try:
            with gzip.open(self.path, "rb") as file:
                first = json.loads(file.readline(MANIFEST_LIMIT))
        except ValueError:
            first = None  # not JSON: some other file, gzip'd
        except (OSError, EOFError, zlib.error) as error:
            raise self._damaged(str(error)) from error
        self.manifest = _checked_manifest(first, path)

    def tables(self):
        """(label, rows) for each table in the file, up to BATCH rows at a time; a table without rows once."""
        expected = self.manifest["tables"]
        seen, label, rows = {}, None, []
        for number, record in self._lines():
            if number == 1:
                continue
            if isinstance(record, list) and label is not None:
                if len(record) != len(expected[label]["columns"]):
                    raise self._damaged(
                        f"line {number} has {len(record)} values for {len(expected[label]['columns'])} columns"
                    )
                rows.append(record)
                seen[label] += 1
                if len(rows) == BATCH:
                    yield label, rows
                    rows = []
            elif isinstance(record, dict) and str(record.get("table")) in expected.keys() - seen.keys():
                if label is not None:
                    yield label, rows
                label, rows = record["table"], []
                seen[label] = 0
            else:
                raise self._damaged(f"line {number} is not what a backup holds there")
        if label is not None:
            yield label, rows
        counted = {label: table["rows"] for label, table in expected.items()}
        if seen != counted:
            differ = sorted(label for label in counted.keys() | seen.keys() if seen.get(label) != counted.get(label))
            raise self._damaged(f"its rows do not match its manifest's counts ({', '.join(differ)})")

    def verify(self):
        """Read the whole file, checking it; change nothing."""
        for _ in self.tables():
            pass

    def _lines(self):
        """(number, record) for each line up to the checksum line, which must match the lines before it."""
        digest = hashlib.sha256()
        try:
            with gzip.open(self.path, "rb") as file:
                for number, line in enumerate(file, start=1):
                    try:
                        record = json.loads(line)
                    except ValueError:
                        raise self._damaged(f"line {number} is not JSON") from None
                    if isinstance(record, dict) and record.get("end") == FORMAT:
                        if record.get("sha256") != digest.hexdigest():
                            raise self._damaged("its checksum does not match its contents")
                        if file.read(1):
                            raise self._damaged("it goes on after its checksum")
                        return
                    digest.update(line)
                    yield number, record
        except (OSError, EOFError, zlib.error) as error:
            raise self._damaged(str(error)) from error
        raise self._damaged("it ends before its checksum line")

    def _damaged(self, why):
        return BackupError(f"{self.path} is damaged or truncated: {why}. Nothing was restored.")


def _checked_manifest(manifest, path):
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a civilspec backup (its first line is not a civilspec backup's manifest).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{path} is in backup format {manifest.get('format_version')}; this civilspec reads format {FORMAT_VERSION}."
        )
    tables, migrations = manifest.get("tables"), manifest.get("migrations")
    if not (
        isinstance(tables, dict)
        and isinstance(migrations, dict)
        and all(
            isinstance(t, dict) and isinstance(t.get("columns"), list) and isinstance(t.get("rows"), int)
            for t in tables.values()
        )
    ):
        raise BackupError(f"{path} is damaged: its manifest lacks the tables' columns, counts or migrations.")
    return manifest
