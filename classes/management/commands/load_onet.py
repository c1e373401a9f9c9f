"""python manage.py load_onet [DIR] [--ship]: O*NET's occupations, titles, descriptions and tasks from its text files."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from classes import onet
from classes.models import Occupation, OccupationTask, OccupationTitle


class Command(BaseCommand):
    help = (
        "Load O*NET's occupations, titles, related occupations, descriptions and task statements from a folder of "
        "O*NET's text files (e.g. ../shared/data/onet). A newer release is loaded the same way."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            nargs="?",
            default=settings.ONET_DIR,
            help="The folder of O*NET's tab-separated text files; by default ONET_DIR (../shared/data/onet).",
        )
        parser.add_argument(
            "--ship",
            action="store_true",
            help=f"Also write the release's titles and codes to {onet.SHIPPED.name}, the data the project ships.",
        )

    def handle(self, *args, directory, ship, **options):
        try:
            release = onet.read_directory(directory)
        except (OSError, UnicodeDecodeError, onet.OnetError) as error:
            raise CommandError(str(error)) from error
        onet.store(release)
        if ship:
            onet.write_shipped(release)
        self.stdout.write(
            f"O*NET: {Occupation.objects.count()} occupations, {OccupationTitle.objects.count()} titles, "
            f"{Occupation.objects.exclude(description='').count()} described, {OccupationTask.objects.count()} tasks."
        )
