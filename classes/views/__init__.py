"""Public views, one module per resource: catalogue, versions, documents, open data."""

from django.shortcuts import get_object_or_404

from .. import caching
from ..models import Version


def public_version(jurisdiction_slug, class_slug, number):
    """One adopted or superseded version with everything it reads; a draft's number is a plain 404."""
    versions = Version.objects.public().for_display().of_class(jurisdiction_slug, class_slug)
    return get_object_or_404(versions, number=number)


def found_version(versions):
    """The one version of `versions`, light (its key and status) and with the catalogue's edition: what a kept
    page needs to be found; 404 where there is none."""
    return get_object_or_404(caching.with_edition(versions).only("pk", "status", "number", "job_class_id"))
