"""Printable documents: a version's print page and PDF, and a day's packet (the address before packets were a
meeting's: classes/views/packets.py). Public texts only."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from .. import caching, pdf
from ..models import Version
from . import bad_request, day_of, public_version


def pdf_response(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def version_print(request, jurisdiction_slug, class_slug, number):
    def render_print():
        version = public_version(jurisdiction_slug, class_slug, number)
        return render(request, "classes/version_print.html", {"version": version, "on_screen": True})

    return caching.page(request, render_print, max_age=caching.VERSION_MAX_AGE)


def version_pdf(request, jurisdiction_slug, class_slug, number):
    filename = f"{jurisdiction_slug}-{class_slug}-version-{number}.pdf"
    public = Version.objects.public
    return caching.document(
        request,
        # Built only when the address is not kept yet: a kept download runs no query and builds none.
        find=lambda: get_object_or_404(
            public().of_class(jurisdiction_slug, class_slug).only("pk", "status"), number=number
        ),
        render=lambda version_pk: pdf.version_pdf(Version.objects.for_display().get(pk=version_pk)),
        respond=lambda content: pdf_response(content, filename),
    )


def packet_pdf(request, date):
    day = day_of(date)
    if day is None:
        return bad_request(request, "A packet's address names a date as YYYY-MM-DD, e.g. /packets/2005-07-13/pdf/.")
    adopted = Version.objects.public().filter(adopted_on=day)
    jurisdictions = set(adopted.values_list("job_class__jurisdiction__slug", flat=True))
    # The address of a day's packet from before packets were a meeting's: one jurisdiction's day is its packet.
    if len(jurisdictions) == 1:
        return redirect("packet", jurisdictions.pop(), day.isoformat(), permanent=True)
    versions = list(adopted.for_display().order_by("job_class__jurisdiction__name", "title"))
    if not versions:
        raise Http404("No public specification was adopted on that date.")
    return pdf_response(pdf.packet_pdf(day, versions), f"packet-{day.isoformat()}.pdf")
