"""Public views, one module per resource: catalogue, versions, documents, open data."""

import datetime
import re

from django.shortcuts import get_object_or_404, render

from ..models import Version


def public_version(jurisdiction_slug, class_slug, number):
    """One adopted or superseded version with everything it reads; a draft's number is a plain 404."""
    versions = Version.objects.public().for_display().of_class(jurisdiction_slug, class_slug)
    return get_object_or_404(versions, number=number)


def bad_request(request, message):
    """The site's 400 page, saying what in the request cannot be used."""
    return render(request, "400.html", {"message": message}, status=400)


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def day_of(date):
    """The day an address names as YYYY-MM-DD, or None if it names none."""
    try:
        return datetime.date.fromisoformat(date) if ISO_DATE.fullmatch(date) else None
    except ValueError:
        return None
