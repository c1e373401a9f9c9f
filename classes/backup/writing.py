"""Writing a backup: every kept table from one snapshot, streamed through gzip into a file renamed when whole."""

import base64
import datetime
import decimal
import gzip
import hashlib
import json
import os
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from .tables import BATCH, FORMAT, FORMAT_VERSION, BackupError, applied_migrations, columns, kept_models


def write(path):
    """Write a backup of the database to `path` from one consistent snapshot; return its manifest.

    The file is written beside `path` under a temporary name and renamed when whole, so a failed backup
    leaves any earlier file at `path` as it was. Only its owner may read it: it holds password hashes.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise BackupError(f"{path.parent} is not a folder.")
    if path.is_dir():
        raise BackupError(f"{path} is a folder; name the file to write.")
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as file:
            with gzip.GzipFile(fileobj=file, mode="wb", compresslevel=6) as compressed, _snapshot():
                manifest = _write_lines(_Lines(compressed))
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
        folder = os.open(path.parent, os.O_RDONLY)  # the rename, too, on disk before saying it is written
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return manifest


@contextmanager
def _snapshot():
    """One transaction, so that every table is read as of one moment while the portal goes on writing."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        # SQLite in write-ahead-log mode reads one snapshot for the length of a transaction anyway.
        yield


class _Lines:
    """JSON lines written through gzip a batch at a time, each counted into the checksum."""

    def __init__(self, out):
        self.out = out
        self.digest = hashlib.sha256()
        self.pending = []

    def write(self, record):
        line = json.dumps(record, default=_json_value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
        self.digest.update(line)
        self.pending.append(line)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self):
        self.out.write(b"".join(self.pending))
        self.pending.clear()


def _write_lines(lines):
    kept = kept_models()
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "migrations": applied_migrations(),
        "tables": {
            model._meta.label: {"columns": columns(model), "rows": model._base_manager.count()} for model in kept
        },
    }
    lines.write(manifest)
    named = _names_by_id()
    for model in kept:
        label = model._meta.label
        lines.write({"table": label})
        encoders = [
            (index, named[field.related_model])
            for index, field in enumerate(model._meta.concrete_fields)
            if field.is_relation and field.related_model in named
        ]
        written = 0
        for row in model._base_manager.order_by("pk").values_list(*columns(model)).iterator(chunk_size=BATCH):
            if encoders:
                row = list(row)
                for index, encode in encoders:
                    row[index] = None if row[index] is None else encode[row[index]]
            lines.write(row)
            written += 1
        if written != manifest["tables"][label]["rows"]:  # cannot happen in one snapshot; a guard all the same
            raise BackupError(f"{label} changed while it was read; nothing was written.")
    lines.flush()
    lines.out.write(
        json.dumps({"end": FORMAT, "sha256": lines.digest.hexdigest()}, separators=(",", ":")).encode() + b"\n"
    )
    return manifest


def _names_by_id():
    """Content types and permissions by id, as the natural keys a backup names them by."""
    content_types = {pk: [app, model] for pk, app, model in ContentType.objects.values_list("pk", "app_label", "model")}
    permissions = {
        pk: [app, model, codename, name]
        for pk, app, model, codename, name in Permission.objects.values_list(
            "pk", "content_type__app_label", "content_type__model", "codename", "name"
        )
    }
    return {ContentType: content_types, Permission: permissions}


def _json_value(value):
    if isinstance(value, datetime.date | datetime.time):  # datetimes too, to the microsecond with their offset
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):  # an upload waiting to be read; BinaryField reads base64 back
        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"A {type(value).__name__} cannot be written to a backup.")
