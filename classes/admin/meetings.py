"""Commission meetings: each one's agenda, adopting it in one action, and its agenda and adoption packets."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.utils.html import format_html

from classes import packets, pdf, workflow
from classes.models import Meeting
from classes.views.documents import pdf_response
from classes.vocabulary import PUBLIC_STATUSES, VersionStatus

from .catalogue import VersionListInline
from .lifecycle import ADOPT_MEETING
from .steps import Steps, require_perm, run_step


class AgendaInline(VersionListInline):
    """The meeting's agenda: the versions proposed to it, which it adopts together; each opens on its own page."""

    fk_name = "meeting"
    fields = ["job_class", "number", "title", "proposed_by"]
    readonly_fields = fields
    verbose_name_plural = "agenda: versions proposed to this meeting"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=VersionStatus.PROPOSED).select_related("job_class")


class AdoptedHereInline(VersionListInline):
    fk_name = "meeting"
    fields = ["job_class", "number", "title", "status", "adopted_on", "public_page_link"]
    readonly_fields = fields
    verbose_name_plural = "versions adopted at this meeting"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status__in=PUBLIC_STATUSES).select_related("job_class")


@admin.register(Meeting)
class MeetingAdmin(Steps, admin.ModelAdmin):
    change_form_template = "admin/classes/lifecycle_change_form.html"
    list_display = ["date", "kind", "jurisdiction", "minutes_reference", "proposed", "packet"]
    list_filter = ["jurisdiction", "kind"]
    list_select_related = ["jurisdiction"]
    search_fields = ["minutes_reference", "notes", "jurisdiction__name"]
    date_hierarchy = "date"
    inlines = [AgendaInline, AdoptedHereInline]
    actions = ["adopt_proposed"]
    steps = [ADOPT_MEETING]
    views = {"agenda-packet": "agenda_packet_view"}

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
        if meeting.adopted_count:
            return format_html('<a href="{}">Adoption packet (PDF)</a>', meeting.packet_url())
        if meeting.proposed_count:
            return format_html('<a href="{}">Agenda packet (PDF)</a>', self.step_url("agenda-packet", meeting))
        return "-"

    def has_adopt_permission(self, request):
        return request.user.has_perm("classes.adopt_version")

    def step_links(self, request, meeting):
        links = super().step_links(request, meeting)
        if meeting.proposed_count:
            links.append(("Agenda packet (PDF)", self.step_url("agenda-packet", meeting)))
        if meeting.adopted_count:
            links.append(("Adoption packet (PDF)", meeting.packet_url()))
        return links

    def agenda_packet_view(self, request, object_id):
        """The agenda packet holds proposed texts, which are not public: staff who may read versions see it."""
        meeting = self.step_object(request, object_id)
        require_perm(request, "classes.view_version")
        packet = packets.agenda_packet(meeting)
        if not packet.items:
            messages.warning(request, f"No version is on the agenda of this meeting ({meeting}): there is no packet.")
            return redirect(self.change_url(meeting))
        filename = f"agenda-{meeting.jurisdiction.slug}-{meeting.date.isoformat()}.pdf"
        return pdf_response(pdf.agenda_packet_pdf(packet), filename)

    @admin.action(description="Adopt every version proposed to the selected meetings", permissions=["adopt"])
    def adopt_proposed(self, request, queryset):
        self.adopt_meetings(request, queryset)

    def adopt_meetings(self, request, meetings):
        for meeting in meetings:
            done, adopted = run_step(request, workflow.adopt_meeting, meeting, by=request.user)
            if done:  # a meeting with nothing proposed is a warning here: the step itself is offered only with some
                (messages.success if adopted else messages.warning)(request, ADOPT_MEETING.done(meeting, adopted))
