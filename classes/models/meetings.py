"""Commission meetings: where proposed versions go, and where adoption is recorded."""

from django.db import models
from django.urls import reverse

from classes.vocabulary import MeetingKind, VersionStatus, in_vocabulary

from .catalogue import Jurisdiction


class Meeting(models.Model):
    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="meetings", help_text="Whose commission meets."
    )
    date = models.DateField(help_text="The day of the meeting; versions adopted there take this adoption date.")
    kind = models.CharField(
        max_length=20, choices=MeetingKind, default=MeetingKind.REGULAR, help_text="Regular or special."
    )
    minutes_reference = models.CharField(
        max_length=200,
        blank=True,
        help_text="How the minutes or resolution are cited, e.g. “CSM” or “Res. 2026-14”. Printed as the adoption reference.",
    )
    notes = models.TextField(blank=True, help_text="Anything staff should know about the meeting.")

    class Meta:
        ordering = ["-date", "jurisdiction__name"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "date", "kind"], name="one_meeting_of_a_kind_a_day"),
            in_vocabulary("kind", MeetingKind, name="meeting_kind_valid"),
        ]

    def __str__(self):
        return f"{self.jurisdiction}: {self.get_kind_display().lower()} meeting of {self.date:%B %-d, %Y}"

    def packet_url(self):
        """The adoption packet: every text of the jurisdiction adopted on the meeting's day."""
        return reverse("packet", args=[self.jurisdiction.slug, self.date.isoformat()])

    def agenda(self):
        """The versions proposed to this meeting, which it can adopt together."""
        return self.versions.filter(status=VersionStatus.PROPOSED)
