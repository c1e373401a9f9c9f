"""python manage.py suggest_occupations: an O*NET occupation suggested for every text an analyst has not classed."""

from django.core.management.base import BaseCommand

from classes import occupations
from classes.models import Version


class Command(BaseCommand):
    help = (
        "Suggest an O*NET occupation, with its score, for every version in force or being written whose occupation "
        "no analyst has confirmed. Safe to run again; a confirmed occupation is never changed."
    )

    def handle(self, *args, **options):
        versions = (Version.objects.current() | Version.objects.open()).filter(occupation_confirmed=False)
        suggested = occupations.suggest_each(versions.prefetch_related("duties"))
        for version in suggested:
            self.stdout.write(
                f"{version.title}: {version.occupation or 'no occupation fits'} ({version.occupation_score})"
            )
