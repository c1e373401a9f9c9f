"""The catalogue's edition: a number that grows with every change the public can see."""

from django.db import models
from django.db.models import F
from django.utils import timezone

THE_EDITION = 1  # the one row


class CatalogueEdition(models.Model):
    """Cached public pages are kept per edition: a new one (an adoption, an abolition, a renamed
    department …) retires them all at once, across every process that reads this row."""

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(pk=THE_EDITION), name="one_catalogue_edition")]

    def __str__(self):
        return f"edition {self.number}"

    @classmethod
    def next(cls):
        """Start a new edition, inside the caller's transaction: if the change rolls back, so does this."""
        changed = cls.objects.filter(pk=THE_EDITION).update(number=F("number") + 1, changed_at=timezone.now())
        if not changed:  # the row is gone, as after a test flushed the tables
            cls.objects.get_or_create(pk=THE_EDITION, defaults={"number": 1})

    @classmethod
    def current(cls):
        """A queryset of the edition's number, for use as a subquery beside the row a page reads."""
        return cls.objects.filter(pk=THE_EDITION)
