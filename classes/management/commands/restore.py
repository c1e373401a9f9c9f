"""python manage.py restore PATH [--replace] [--check]: put a backup back, all or nothing."""

import time

from django.core.management.base import BaseCommand, CommandError

from classes import backup


class Command(BaseCommand):
    help = (
        "Restore a file written by manage.py backup into this database, in one transaction: all or nothing. The "
        "database must be migrated to the backup's migrations and hold no data (unless --replace). The file is read "
        "whole and its checksum and counts checked before anything changes. Primary keys are kept; afterwards the "
        "search documents are rebuilt and a new catalogue edition starts."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A file written by manage.py backup.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace whatever this database holds of what a backup holds (catalogue, audit trail, users, groups, "
            "the admin's log) with the backup's. Stop the portal first.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only check that the file is whole and could be restored here; change nothing.",
        )

    def handle(self, *args, path, replace, check, **options):
        started = time.monotonic()
        try:
            if check:
                manifest = backup.check(path)
            else:
                restored = backup.restore(path, replace=replace)
                manifest = restored.manifest
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        made = f"made {manifest['created_at']} on {manifest['database']}"
        if check:
            self.stdout.write(f"{path} is whole and can be restored here ({made}): {backup.summary(manifest)}.")
            return
        self.stdout.write(
            f"Restored {path} ({made}) in {time.monotonic() - started:.1f} s: {backup.summary(manifest)}. "
            f"Search index holds {restored.search_documents} current classes; catalogue edition {restored.edition}."
        )
        if options["verbosity"] > 1:
            for label, table in manifest["tables"].items():
                self.stdout.write(f"  {label}: {table['rows']} rows")
