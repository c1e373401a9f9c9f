"""Commission meetings: the versions proposed to each, adopting them together, and the meeting's packet."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.html import format_html

from classes import workflow
from classes.models import Meeting
from classes.vocabulary import PUBLIC_STATUSES, VersionStatus

from .catalogue import VersionListInline
from .lifecycle import ADOPT_MEETING
from .steps import Steps, run_step


class MeetingVersionInline(VersionListInline):
    """The versions proposed to the meeting or adopted at it; each opens on its own page."""

    fk_name = "meeting"
    fields = ["job_class", "number", "title", "status", "adopted_on"]
    readonly_fields = fields
    verbose_name_plural = "versions proposed to this meeting or adopted at it"


@admin.register(Meeting)
class MeetingAdmin(Steps, admin.ModelAdmin):
    change_form_template = "admin/classes/lifecycle_change_form.html"
    list_display = ["date", "kind", "jurisdiction", "minutes_reference", "proposed", "packet"]
    list_filter = ["jurisdiction", "kind"]
    list_select_related = ["jurisdiction"]
    search_fields = ["minutes_reference", "notes", "jurisdiction__name"]
    date_hierarchy = "date"
    inlines = [MeetingVersionInline]
    actions = ["adopt_proposed"]
    steps = [ADOPT_MEETING]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                proposed_count=Count("versions", filter=Q(versions__status=VersionStatus.PROPOSED)),
                adopted_count=Count("versions", filter=Q(versions__status__in=PUBLIC_STATUSES)),
            )
        )

    def get_readonly_fields(self, request, obj=None):
        # Adoption copied the date and the minutes reference into the versions adopted here.
        if obj and obj.versions.public().exists():
            return ["jurisdiction", "date", "kind", "minutes_reference"]
        return []

    @admin.display(description="proposed versions", ordering="proposed_count")
    def proposed(self, meeting):
        return meeting.proposed_count

    @admin.display(description="packet")
    def packet(self, meeting):
        if not meeting.adopted_count:
            return "-"
        return format_html('<a href="{}">Packet (PDF)</a>', meeting.packet_url())

    def has_adopt_permission(self, request):
        return request.user.has_perm("classes.adopt_version")

    def step_links(self, request, meeting):
        links = super().step_links(request, meeting)
        if meeting.adopted_count:
            links.append(("Packet (PDF)", meeting.packet_url()))
        return links

    @admin.action(description="Adopt every version proposed to the selected meetings", permissions=["adopt"])
    def adopt_proposed(self, request, queryset):
        self.adopt_meetings(request, queryset)

    def adopt_meetings(self, request, meetings):
        for meeting in meetings:
            done, adopted = run_step(request, workflow.adopt_meeting, meeting, by=request.user)
            if done and adopted:
                messages.success(request, ADOPT_MEETING.done(meeting, adopted))
            elif done:
                messages.warning(request, f"No version is proposed to this meeting ({meeting}); nothing was adopted.")
