"""Rebuild the search document of every class from its current adopted version."""

from django.core.management.base import BaseCommand

from classes import search
from classes.models import SearchDocument


class Command(BaseCommand):
    help = "Rebuild the search documents of all classes from their current adopted versions. Safe to run again."

    def handle(self, *args, **options):
        search.rebuild()
        self.stdout.write(f"Search index holds {SearchDocument.objects.count()} current classes.")
