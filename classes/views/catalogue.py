"""The public catalogue: home, list with search and filters, class pages, jurisdiction pages."""

from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404, render

from .. import caching, jsonld, search
from ..filters import ClassFilter
from ..models import JobClass, Jurisdiction, Version
from ..paging import CappedPaginator

CLASSES_PER_PAGE = 25
LONGEST_QUERY = 200
SORTS = {"relevance": "Relevance", "title": "Title", "adopted": "Latest adoption"}


def home(request):
    return caching.page(request, lambda: render_home(request), max_age=caching.CATALOGUE_PAGE_MAX_AGE)


def render_home(request):
    jurisdictions = Jurisdiction.objects.all()
    return render(request, "classes/home.html", {"jurisdictions": jurisdictions, "filter": ClassFilter()})


def class_list(request):
    # Lists are kept one per address: their combinations of filters are few. Searches are kept apart: most are
    # asked once, but those asked again and again are the common words, the costliest pages to make.
    searching = bool(request.GET.get("q", "").strip())
    return caching.page(
        request,
        lambda: render_class_list(request),
        max_age=caching.CATALOGUE_PAGE_MAX_AGE,
        kept_in="searches" if searching else "default",
    )


def render_class_list(request):
    query = " ".join(request.GET.get("q", "").split())[:LONGEST_QUERY]
    sort = request.GET.get("sort") or ("relevance" if query else "title")
    # Search finds classes of the public catalogue only, without a join to versions that would slow its title tier;
    # a list without a query asks for an adopted text itself.
    classes = JobClass.objects.all() if query else JobClass.objects.with_adopted_text()
    class_filter = ClassFilter(request.GET, queryset=classes)
    errors = class_filter.errors.copy()
    if sort not in SORTS:
        errors["sort"] = [f"Sort by one of: {', '.join(SORTS)}."]
    if errors:
        context = {"filter": class_filter, "query": query, "sort": sort, "sorts": SORTS, "errors": errors}
        return render(request, "classes/class_list.html", context, status=400)

    classes = class_filter.qs.select_related("jurisdiction", "series").prefetch_related(
        Prefetch("versions", Version.objects.current().select_related("department"), to_attr="current_versions")
    )
    reading = search.understand(query, as_typed=bool(request.GET.get("as_typed"))) if query else None
    if query:
        classes = search.apply(classes, reading, by_relevance=sort == "relevance")
    classes = sort_classes(classes, sort if query or sort != "relevance" else "title")
    page = CappedPaginator(classes, CLASSES_PER_PAGE).get_page(request.GET.get("page"))
    passages = search.reasons(reading, page.object_list) if query else {}
    context = {
        "filter": class_filter,
        "query": query,
        "sort": sort,
        "sorts": SORTS,
        "page": page,
        "rows": [(job_class, passages.get(job_class.pk)) for job_class in page.object_list],
        "page_query": query_without_page(request),
        "reading": reading,
        "as_typed_query": as_typed_query(request),
    }
    return render(request, "classes/class_list.html", context)


def as_typed_query(request):
    """This search's address asking for the words as typed: the link past a spelling correction."""
    params = request.GET.copy()
    params.pop("page", None)
    params["as_typed"] = "1"
    return params.urlencode()


def sort_classes(classes, sort):
    if sort == "title":
        return classes.by_title()
    if sort == "adopted":
        adopted_on = Version.objects.current().filter(job_class=OuterRef("pk")).values("adopted_on")[:1]
        return classes.annotate(adopted_on=Subquery(adopted_on)).order_by("-adopted_on", Lower("title"), "pk")
    return classes  # relevance: search.apply has ordered them


def query_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def class_detail(request, jurisdiction_slug, class_slug):
    return caching.page(
        request, lambda: render_class(request, jurisdiction_slug, class_slug), max_age=caching.CATALOGUE_PAGE_MAX_AGE
    )


def render_class(request, jurisdiction_slug, class_slug):
    version = get_object_or_404(Version.objects.current().for_display().of_class(jurisdiction_slug, class_slug))
    job_class = version.job_class
    context = {
        "version": version,
        "job_class": job_class,
        "ladder": job_class.series.classes.current().order_by("series_level") if job_class.series else [],
        "promotes_from": [title for path in version.paths.all() for title in path.titles.all()],
        "leads_to": leads_to(job_class),
        "similar": similar_with_qualifications(version),
        "structured_data": jsonld.script(
            jsonld.occupation(version, request.build_absolute_uri(job_class.get_absolute_url()))
        ),
    }
    return render(request, "classes/class_detail.html", context)


def leads_to(job_class):
    """Current classes whose promotional paths accept time in this class."""
    return (
        JobClass.objects.current()
        .filter(versions__in=Version.objects.current().filter(paths__titles__job_class=job_class))
        .select_related("jurisdiction")
        .distinct()
        .by_title()
    )


def similar_with_qualifications(version):
    """The same work elsewhere, each with its current paths, so qualifications read side by side."""
    similar = search.similar(version)
    current = Version.objects.current().filter(job_class__in=similar).prefetch_related("paths")
    paths_by_class = {other.job_class_id: other.paths.all() for other in current}
    return [(job_class, paths_by_class.get(job_class.pk, [])) for job_class in similar]


def jurisdiction_detail(request, slug):
    jurisdiction = get_object_or_404(Jurisdiction, slug=slug)
    classes = (
        jurisdiction.classes.current()
        .select_related("series")
        .prefetch_related(
            Prefetch("versions", Version.objects.current().select_related("department"), to_attr="current_versions")
        )
        .by_title()
    )
    by_department = {}
    for job_class in classes:
        department = job_class.current_versions[0].department
        by_department.setdefault(department.name if department else "", []).append(job_class)
    series = {}
    for job_class in sorted((c for c in classes if c.series), key=lambda c: c.series_level):
        series.setdefault(job_class.series, []).append(job_class)
    context = {
        "jurisdiction": jurisdiction,
        "class_count": len(classes),
        "departments": sorted(by_department.items(), key=lambda item: (item[0] == "", item[0])),
        "series": sorted(series.items(), key=lambda item: item[0].name),
    }
    return render(request, "classes/jurisdiction_detail.html", context)
