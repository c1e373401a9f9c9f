"""Printable documents: a version's print page and PDF, and a meeting's packet. Public texts only."""

import datetime
import re

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render

from .. import caching, pdf
from ..models import Version
from . import found_version

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def pdf_response(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def version_print(request, jurisdiction_slug, class_slug, number):
    found = found_version(Version.objects.public().of_class(jurisdiction_slug, class_slug).filter(number=number))

    def render_print():
        return render(
            request, "classes/version_print.html", {"version": Version.objects.for_display().get(pk=found.pk)}
        )

    return caching.page(request, f"print:{found.pk}", found, render_print, max_age=caching.VERSION_MAX_AGE)


def version_pdf(request, jurisdiction_slug, class_slug, number):
    found = found_version(Version.objects.public().of_class(jurisdiction_slug, class_slug).filter(number=number))
    filename = f"{jurisdiction_slug}-{class_slug}-version-{number}.pdf"
    return caching.document(
        request,
        found,
        render=lambda: pdf.version_pdf(Version.objects.for_display().get(pk=found.pk)),
        respond=lambda content: pdf_response(content, filename),
    )


def packet_pdf(request, date):
    try:
        if not ISO_DATE.fullmatch(date):
            raise ValueError
        day = datetime.date.fromisoformat(date)
    except ValueError:
        return HttpResponseBadRequest(
            "A packet's address names a date as YYYY-MM-DD, e.g. /packets/2005-07-13/pdf/.",
            content_type="text/plain; charset=utf-8",
        )
    versions = list(
        Version.objects.public().for_display().filter(adopted_on=day).order_by("job_class__jurisdiction__name", "title")
    )
    if not versions:
        raise Http404("No public specification was adopted on that date.")
    return pdf_response(pdf.packet_pdf(day, versions), f"packet-{day.isoformat()}.pdf")
