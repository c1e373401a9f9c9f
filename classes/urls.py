"""Public routes of the catalogue: a class, its versions, and their documents."""

from django.urls import path

from .views import catalogue, documents, opendata, versions

app_name = "classes"

CLASS = "<slug:jurisdiction_slug>/<slug:class_slug>/"
VERSION = CLASS + "versions/<int:number>/"

urlpatterns = [
    path("", catalogue.class_list, name="list"),
    path(CLASS, catalogue.class_detail, name="detail"),
    path(CLASS + "history/", versions.history, name="history"),
    path(CLASS + "compare/", versions.compare, name="compare"),
    path(VERSION, versions.version_detail, name="version"),
    path(VERSION + "print/", documents.version_print, name="version_print"),
    path(VERSION + "pdf/", documents.version_pdf, name="version_pdf"),
    path(VERSION + "json/", opendata.version_json, name="version_json"),
]
