"""python manage.py import_specs PATH... [--jurisdiction SLUG | --create-jurisdiction NAME] [--adopted] [--dry-run]
[--format json]"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils.text import slugify

from classes.importing import ImportedFile, import_documents
from classes.models import Jurisdiction


class Command(BaseCommand):
    help = "Import class specs (.txt, .md, .html, .docx, .pdf) as draft versions; each file in its own transaction."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files, or folders whose spec files are all imported.")
        parser.add_argument("--jurisdiction", help="Slug of the jurisdiction the specs belong to.")
        parser.add_argument(
            "--create-jurisdiction",
            metavar="NAME",
            help="Create the jurisdiction the specs belong to, by the name its documents use, and import into it.",
        )
        parser.add_argument(
            "--adopted",
            action="store_true",
            help="Record each document as the adopted text of record, dated as it prints (a commission moving its "
            "adopted specs in); a document printing no date is skipped.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Read and report; write nothing.")
        parser.add_argument("--format", choices=["text", "json"], default="text", help="How to print the report.")

    def handle(self, *args, paths, jurisdiction, dry_run, format, adopted, create_jurisdiction, **options):
        found = None
        if create_jurisdiction:
            if jurisdiction:
                raise CommandError("Give --jurisdiction or --create-jurisdiction, not both.")
            jurisdiction = self._created(create_jurisdiction, dry_run)
        if jurisdiction:
            found = Jurisdiction.objects.filter(slug=jurisdiction).first()
            if found is None:
                raise CommandError(f"No jurisdiction with slug “{jurisdiction}”.")
        elif not dry_run:
            raise CommandError(
                "Say which jurisdiction the specs belong to with --jurisdiction SLUG (or use --dry-run)."
            )
        reports = import_documents(_files(paths), jurisdiction=found, dry_run=dry_run, adopted=adopted)
        if format == "json":
            self.stdout.write(json.dumps([r.as_dict() for r in reports], cls=DjangoJSONEncoder, indent=2))
        else:
            for report in reports:
                self._print(report)
        failed = [r for r in reports if r.status == "error"]
        if failed and len(failed) == len(reports):
            raise CommandError("No file could be imported.")

    def _created(self, name, dry_run):
        """The slug of a new jurisdiction named `name`; refused where one of that name or address exists."""
        name = " ".join(name.split())
        slug = slugify(name)[:100]
        if not slug:
            raise CommandError(f"“{name}” gives no address; name the jurisdiction in words.")
        if Jurisdiction.objects.filter(Q(slug=slug) | Q(name__iexact=name)).exists():
            raise CommandError(f"A jurisdiction named “{name}” (or at “{slug}”) exists: use --jurisdiction {slug}.")
        if not dry_run:
            Jurisdiction.objects.create(name=name, slug=slug)
            self.stdout.write(f"Created the jurisdiction {name} ({slug}).")
        return slug if not dry_run else None

    def _print(self, report):
        drafts = [f"version {d.version_number} of {d.job_class}" for d in report.drafts]
        existing = [d.job_class for d in report.drafts if d.existing]
        outcome = {
            "imported": "imported as " + ", ".join(drafts),
            "parsed": "read (dry run, nothing written)"
            + (f"; existing classes, a new draft would be added: {', '.join(existing)}" if existing else ""),
            "skipped": f"skipped: {report.error}",
            "error": f"error: {report.error}",
        }[report.status]
        self.stdout.write(f"{report.source}: {outcome}")
        for part in report.parts:
            if part.part != "header":
                level = f" ({part.level})" if part.level else ""
                self.stdout.write(f"  line {part.line}: {part.part} “{part.heading}”{level}")
        for name, value in report.facts.items():
            self.stdout.write(f"  {name}: {value}")
        for doubt in report.doubts:
            where = f"line {doubt.line}: " if doubt.line else ""
            self.stdout.write(self.style.WARNING(f"  doubt: {where}{doubt.fact} read as {doubt.assumed} ({doubt.why})"))
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(f"  warning: {warning}"))


def _files(paths):
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise CommandError(f"{given}: no such file or folder.")
        for file in sorted(path.iterdir()) if path.is_dir() else [path]:
            if file.is_file():
                yield ImportedFile(name=str(file), size=file.stat().st_size, read=file.read_bytes)
