"""Public pages of the catalogue: only adopted text is ever shown here."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from qualifications.models import Path

from .models import JobClass, Version

CLASSES_PER_PAGE = 50


def class_list(request):
    classes = (
        JobClass.objects.current()
        .select_related("jurisdiction", "series")
        .prefetch_related(
            Prefetch("versions", Version.objects.current().select_related("department"), to_attr="current_versions")
        )
        .order_by("title", "jurisdiction__name")
    )
    page = Paginator(classes, CLASSES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "classes/class_list.html", {"page": page})


def class_detail(request, jurisdiction_slug, class_slug):
    version = get_object_or_404(
        Version.objects.current()
        .filter(job_class__jurisdiction__slug=jurisdiction_slug, job_class__slug=class_slug)
        .select_related("job_class__jurisdiction", "job_class__series", "department")
        .prefetch_related(
            "duties",
            "ksas",
            "competencies",
            "other_sections",
            "special_requirements",
            "substitutions",
            "definitions",
            Prefetch("paths", Path.objects.prefetch_related("titles__job_class__jurisdiction")),
            "job_class__history",
        )
    )
    return render(request, "classes/class_detail.html", {"version": version, "job_class": version.job_class})
