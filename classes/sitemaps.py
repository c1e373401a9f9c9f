"""The sitemap: every current class page and the permanent address of each of its public versions.

A statewide catalogue holds some 100,000 classes and 300,000 versions, past the 50,000 addresses one
sitemap file may list, so `/sitemap.xml` is an index of sections, each in pages of 50,000
(`/sitemap-versions.xml?p=2`). A page is one query of plain values, written out as it is read: Django's
sitemap templates take seconds a page at this size. Abolished classes have left the catalogue and
search, so they are not listed; their texts stay at their addresses. Drafts and proposals never are.
"""

from xml.sax.saxutils import escape

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control

from .models import JobClass, Version

PAGE_SIZE = 50_000  # the most one sitemap file may list
MAX_AGE = 3600
CHUNK = 5_000  # rows read at a time while a page is written
XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
# Slugs hold only letters, digits, "-" and "_": an address is its route reversed once, the slugs put in.
_J, _C, _N = "jurisdiction-slug", "class-slug", 999_999_999


def _address_pattern(name, *args):
    return reverse(name, args=args).replace(_J, "{0}").replace(_C, "{1}").replace(str(_N), "{2}")


def current_classes():
    """(jurisdiction slug, class slug, adoption date of the text in force) of each current class."""
    return (
        JobClass.objects.current()
        .order_by("pk")
        .values_list("jurisdiction__slug", "slug", "versions__adopted_on")  # the adopted version the filter joined
    )


def public_versions():
    """(jurisdiction slug, class slug, number, adoption date) of each adopted and superseded version of a current class."""
    return (
        Version.objects.public()
        .filter(job_class__abolished_on__isnull=True)  # a class with public text has an adopted version
        .order_by("pk")
        .values_list("job_class__jurisdiction__slug", "job_class__slug", "number", "adopted_on")
    )


SECTIONS = {
    "classes": (current_classes, lambda: _address_pattern("classes:detail", _J, _C)),
    "versions": (public_versions, lambda: _address_pattern("classes:version", _J, _C, _N)),
}


def index(request):
    """Every page of every section."""
    base = request.build_absolute_uri("/").rstrip("/")
    entries = []
    for name, (rows, _) in SECTIONS.items():
        pages = max(1, -(-rows().count() // PAGE_SIZE))
        location = base + reverse("sitemap_section", args=[name])
        entries += [location if page == 1 else f"{location}?p={page}" for page in range(1, pages + 1)]
    body = "".join(f"<sitemap><loc>{escape(entry)}</loc></sitemap>\n" for entry in entries)
    response = HttpResponse(f'{XML}<sitemapindex xmlns="{NAMESPACE}">\n{body}</sitemapindex>\n')
    return _sitemap_response(response)


def section(request, name):
    """One page of a section's addresses; a page past the last is a 404."""
    if name not in SECTIONS:
        raise Http404("No such sitemap section.")
    page = request.GET.get("p", "1")
    if not (page.isascii() and page.isdigit() and 0 < len(page) < 6 and int(page) > 0):
        raise Http404("No such sitemap page.")
    rows, address_pattern = SECTIONS[name]
    start = (int(page) - 1) * PAGE_SIZE
    found = rows()[start : start + PAGE_SIZE]
    if start and not found.exists():
        raise Http404("No such sitemap page.")
    base, pattern = request.build_absolute_uri("/").rstrip("/"), address_pattern()

    def lines():
        yield f'{XML}<urlset xmlns="{NAMESPACE}">\n'
        for *slugs, adopted_on in found.iterator(chunk_size=CHUNK):
            location = escape(base + pattern.format(*slugs))
            lastmod = f"<lastmod>{adopted_on.isoformat()}</lastmod>" if adopted_on else ""
            yield f"<url><loc>{location}</loc>{lastmod}</url>\n"
        yield "</urlset>\n"

    return _sitemap_response(StreamingHttpResponse(lines()))


def _sitemap_response(response):
    response["Content-Type"] = "application/xml; charset=utf-8"
    response["X-Robots-Tag"] = "noindex"  # the sitemap lists pages to index; it is not one
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
