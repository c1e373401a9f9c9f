"""Open data: the catalogue as CSV and JSON, and each version as JSON."""

import csv

from django.http import HttpResponse, JsonResponse

from .. import export
from . import public_version

JSON_OPTIONS = {"ensure_ascii": False, "indent": 2}


def catalogue_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="civilspec-classes.csv"'
    writer = csv.writer(response)
    writer.writerow(export.CSV_COLUMNS)
    writer.writerows(export.csv_row(version, request) for version in export.current_versions())
    return response


def catalogue_json(request):
    classes = [export.catalogue_entry(version, request) for version in export.current_versions()]
    return JsonResponse({"count": len(classes), "classes": classes}, json_dumps_params=JSON_OPTIONS)


def version_json(request, jurisdiction_slug, class_slug, number):
    version = public_version(jurisdiction_slug, class_slug, number)
    return JsonResponse(export.version_data(version, request), json_dumps_params=JSON_OPTIONS)
