"""A meeting's two packets: the agenda packet sent before it (each proposed text with its comparison to the text in
force) and the adoption packet after it (each text as adopted). Both are addressed by meeting: jurisdiction and date.
"""

from dataclasses import dataclass, field

from .diff import compare_versions
from .models import Meeting, Version
from .vocabulary import VersionStatus


@dataclass
class AgendaItem:
    version: Version
    in_force: Version | None  # None: a class's first text
    parts: list = field(default_factory=list)  # classes.diff.PartDiff of the text in force to the proposed one

    @property
    def changed_parts(self):
        return [part for part in self.parts if part.changed]


@dataclass
class Packet:
    kind: str  # "agenda" or "adoption"
    jurisdiction: object
    date: object
    meetings: list  # the meetings of that day the packet is for; none where a text was adopted with a bare date
    versions: list = field(default_factory=list)
    items: list = field(default_factory=list)  # AgendaItems, in an agenda packet

    @property
    def texts(self):
        """The versions the packet holds, in the order printed."""
        return [item.version for item in self.items] or self.versions

    @property
    def heading(self):
        return f"{self.kind.capitalize()} packet"

    @property
    def commission(self):
        return self.jurisdiction.commission_name or f"The commission of {self.jurisdiction.name}"

    @property
    def resolutions(self):
        """The adoption references of the packet's texts, else the minutes references of its meetings."""
        said = [version.adoption_reference for version in self.versions] or [m.minutes_reference for m in self.meetings]
        return list(dict.fromkeys(reference for reference in said if reference))


def adoption_packet(jurisdiction, day):
    """Every public text of the jurisdiction adopted on `day`, as adopted; None if there is none."""
    versions = list(
        Version.objects.public()
        .for_display()
        .filter(job_class__jurisdiction=jurisdiction, adopted_on=day)
        .select_related("meeting")
        .order_by("title", "pk")
    )
    if not versions:
        return None
    meetings = list({v.meeting_id: v.meeting for v in versions if v.meeting_id}.values()) or list(
        Meeting.objects.filter(jurisdiction=jurisdiction, date=day)
    )
    return Packet(kind="adoption", jurisdiction=jurisdiction, date=day, meetings=meetings, versions=versions)


def agenda_packet(meeting):
    """Each version on the meeting's agenda, beside its comparison to its class's text in force."""
    proposed = list(
        Version.objects.for_display().filter(meeting=meeting, status=VersionStatus.PROPOSED).order_by("title", "pk")
    )
    in_force = {
        version.job_class_id: version
        for version in Version.objects.current().for_display().filter(job_class__in=[v.job_class_id for v in proposed])
    }
    items = []
    for version in proposed:
        current = in_force.get(version.job_class_id)
        items.append(AgendaItem(version, current, compare_versions(current, version) if current else []))
    return Packet(kind="agenda", jurisdiction=meeting.jurisdiction, date=meeting.date, meetings=[meeting], items=items)
