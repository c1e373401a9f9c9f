"""python manage.py backup PATH: the catalogue, its audit trail and its staff accounts, in one file."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from classes import backup


class Command(BaseCommand):
    help = (
        "Write every row of the catalogue (classes, versions of every status with all their parts and "
        "qualifications, meetings, reviews), its audit trail, the users and groups and the admin's log to PATH, "
        "gzip'd JSON lines, from one consistent snapshot while the portal keeps running. The file is written "
        "under a temporary name and renamed when whole; only its owner may read it (it holds password hashes). "
        "Restore it with manage.py restore."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="The file to write, e.g. civilspec-2026-05-01.jsonl.gz; replaced if it exists."
        )

    def handle(self, *args, path, **options):
        started = time.monotonic()
        try:
            manifest = backup.write(path)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror or error}.") from None
        size = Path(path).stat().st_size / 1_000_000
        self.stdout.write(
            f"Wrote {path} ({size:.1f} MB) in {time.monotonic() - started:.1f} s: {backup.summary(manifest)}."
        )
