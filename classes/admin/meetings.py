"""Commission meetings: the versions proposed to each, adopting them together, and the meeting's packet."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.utils.html import format_html

from classes import workflow
from classes.models import Meeting
from classes.vocabulary import PUBLIC_STATUSES, VersionStatus

from .catalogue import VersionListInline
from .steps import ConfirmForm, StepUrls, object_or_404, posted, require_perm, run_step, step_page


class MeetingVersionInline(VersionListInline):
    """The versions proposed to the meeting or adopted at it; each opens on its own page."""

    fk_name = "meeting"
    fields = ["job_class", "number", "title", "status", "adopted_on"]
    readonly_fields = fields
    verbose_name_plural = "versions proposed to this meeting or adopted at it"


def adopted_list(versions):
    return "; ".join(f"{version.title} (version {version.number})" for version in versions)


@admin.register(Meeting)
class MeetingAdmin(StepUrls, admin.ModelAdmin):
    change_form_template = "admin/classes/lifecycle_change_form.html"
    list_display = ["date", "kind", "jurisdiction", "minutes_reference", "proposed", "packet"]
    list_filter = ["jurisdiction", "kind"]
    list_select_related = ["jurisdiction"]
    search_fields = ["minutes_reference", "notes", "jurisdiction__name"]
    date_hierarchy = "date"
    inlines = [MeetingVersionInline]
    actions = ["adopt_proposed"]
    step_views = {"adopt": "adopt_view"}

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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        meeting = self.get_object(request, unquote(object_id))
        extra = {"step_links": self.step_links(request, meeting)} if meeting else {}
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def step_links(self, request, meeting):
        links = []
        if meeting.proposed_count and self.has_adopt_permission(request):
            links.append(("Adopt every version proposed to this meeting", self.step_url("adopt", meeting)))
        if meeting.adopted_count:
            links.append(("Packet (PDF)", meeting.packet_url()))
        return links

    def adopt_view(self, request, object_id):
        meeting = object_or_404(self.get_queryset(request).select_related("jurisdiction"), object_id)
        require_perm(request, "classes.adopt_version")
        form = ConfirmForm(posted(request))
        if request.method == "POST" and form.is_valid():
            self.adopt_meetings(request, [meeting])
            return redirect(self.change_url(meeting))
        proposed = meeting.versions.filter(status=VersionStatus.PROPOSED).select_related("job_class")
        return step_page(
            request,
            self,
            meeting,
            title=f"Adopt every version proposed to this meeting ({meeting})",
            explanation=f"All of them are adopted on {meeting.date:%B %-d, %Y}"
            f"{', ' + meeting.minutes_reference if meeting.minutes_reference else ''}, or none is: each supersedes "
            "its class's text in force.",
            items=[f"{version.job_class}: version {version.number}" for version in proposed],
            form=form,
            submit="Adopt them all",
        )

    @admin.action(description="Adopt every version proposed to the selected meetings", permissions=["adopt"])
    def adopt_proposed(self, request, queryset):
        self.adopt_meetings(request, queryset)

    def adopt_meetings(self, request, meetings):
        for meeting in meetings:
            done, adopted = run_step(request, workflow.adopt_meeting, meeting, by=request.user)
            if done and adopted:
                messages.success(request, f"Adopted ({meeting}): {adopted_list(adopted)}.")
            elif done:
                messages.warning(request, f"No version is proposed to this meeting ({meeting}); nothing was adopted.")
