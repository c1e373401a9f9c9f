"""A class's public versions: its history, each version's permanent page, and comparison of two.

Only adopted and superseded versions are ever shown; a draft's number answers exactly as a number
that does not exist.
"""

from django.http import Http404
from django.shortcuts import render

from .. import caching
from ..diff import compare_versions
from ..models import Version
from ..vocabulary import VersionStatus
from . import public_version


def public_versions(jurisdiction_slug, class_slug):
    """The class's public versions, newest first, light enough to list; 404 when it has none."""
    versions = list(
        Version.objects.public()
        .of_class(jurisdiction_slug, class_slug)
        .select_related("job_class__jurisdiction")
        .order_by("-number")
    )
    if not versions:
        raise Http404("No public version of this class.")
    return versions


def history(request, jurisdiction_slug, class_slug):
    versions = public_versions(jurisdiction_slug, class_slug)
    job_class = versions[0].job_class
    context = {"job_class": job_class, "versions": versions, "entries": job_class.history.all(), **newest_two(versions)}
    return render(request, "classes/version_history.html", context)


def version_detail(request, jurisdiction_slug, class_slug, number):
    return caching.page(
        request,
        lambda: render_version(request, public_version(jurisdiction_slug, class_slug, number)),
        max_age=caching.VERSION_MAX_AGE,
    )


def render_version(request, version):
    current = None
    if version.status == VersionStatus.SUPERSEDED:
        current = version.job_class.versions.current().first()
    context = {"version": version, "job_class": version.job_class, "current": current}
    return render(request, "classes/version_detail.html", context)


def compare(request, jurisdiction_slug, class_slug):
    versions = public_versions(jurisdiction_slug, class_slug)
    wanted = [request.GET.get("from", "").strip(), request.GET.get("to", "").strip()]
    context = {"job_class": versions[0].job_class, "versions": versions, **newest_two(versions)}
    if not all(wanted):
        return compare_error(request, context, 400, "Choose two versions to compare: a “from” and a “to” version.")
    bad = next((value for value in wanted if not (value.isascii() and value.isdigit())), None)
    if bad is not None:
        return compare_error(request, context, 400, f"“{bad[:20]}” is not a version number. Choose two versions below.")
    # Matched as text: a number of thousands of digits is no version either, and int() refuses to read it.
    by_number = {str(version.number): version for version in versions}
    wanted = [value.lstrip("0") or "0" for value in wanted]
    unknown = next((value for value in wanted if value not in by_number), None)
    if unknown is not None:
        return compare_error(request, context, 404, f"This class has no public version {unknown[:20]}.")

    chosen = [by_number[value] for value in wanted]
    fetched = Version.objects.for_display().in_bulk([version.pk for version in chosen])
    old, new = (fetched[version.pk] for version in chosen)
    parts = compare_versions(old, new)
    context.update(
        {
            "old": old,
            "new": new,
            "compare_from": old.number,
            "compare_to": new.number,
            "parts": parts,
            "changed_count": sum(part.changed for part in parts),
        }
    )
    return render(request, "classes/compare.html", context)


def newest_two(versions):
    """The pair the comparison form offers first: the version before the newest, and the newest."""
    return {"compare_from": versions[min(1, len(versions) - 1)].number, "compare_to": versions[0].number}


def compare_error(request, context, status, message):
    """The comparison page with the message and the form to choose again, under an error status."""
    return render(request, "classes/compare.html", {**context, "error": message}, status=status)
