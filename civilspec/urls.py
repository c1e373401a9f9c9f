"""Top-level routes: the public portal, its documents and open data, and the analysts' admin."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from classes import sitemaps
from classes.views import catalogue, documents, opendata, packets

from .health import health

urlpatterns = [
    path("", catalogue.home, name="home"),
    path("", include("qualifications.urls")),
    path("classes/", include("classes.urls")),
    path("jurisdictions/<slug:slug>/", catalogue.jurisdiction_detail, name="jurisdiction"),
    path("packets/<str:date>/pdf/", documents.packet_pdf, name="packet_pdf"),
    path("packets/<slug:jurisdiction_slug>/<str:date>/pdf/", packets.adoption_packet_pdf, name="packet"),
    path("data/classes.csv", opendata.catalogue_csv, name="catalogue_csv"),
    path("data/classes.json", opendata.catalogue_json, name="catalogue_json"),
    path("admin/import/", include("classes.importing.urls")),
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots",
    ),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:name>.xml", sitemaps.section, name="sitemap_section"),
]

handler403 = "civilspec.denied.permission_denied"

admin.site.site_header = "civilspec administration"
admin.site.site_title = "civilspec"
