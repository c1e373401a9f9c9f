"""Open data: the catalogue as CSV and JSON, and each version as JSON."""

import csv
import json
from itertools import chain

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse, StreamingHttpResponse

from .. import caching, export
from . import public_version

JSON_OPTIONS = {"ensure_ascii": False, "indent": 2}
STREAM_CHUNK = 1000  # versions read, with their paths and requirements, at a time


def catalogue_csv(request):
    def rows():
        writer = csv.writer(_Line())
        return (writer.writerow(row) for row in chain([export.CSV_COLUMNS], export.csv_rows(request)))

    response = StreamingHttpResponse(caching.export(request, "classes.csv", rows))
    response["Content-Type"] = "text/csv; charset=utf-8"
    response["Content-Disposition"] = 'attachment; filename="civilspec-classes.csv"'
    return response


def catalogue_json(request):
    def body():
        versions = export.current_versions()
        count = versions.count()
        entries = (
            json.dumps(export.catalogue_entry(version, request), cls=DjangoJSONEncoder, **JSON_OPTIONS)
            for version in _streamed(versions)
        )
        return chain([f'{{\n  "count": {count},\n  "classes": [\n'], _joined(entries), ["\n  ]\n}\n"])

    return StreamingHttpResponse(caching.export(request, "classes.json", body), content_type="application/json")


class _Line:
    """csv.writer writes each row here, which hands it back: the rows are streamed, never held."""

    def write(self, line):
        return line


def _streamed(versions):
    """The versions a chunk at a time, each chunk with its prefetches: the whole catalogue is never in memory."""
    return versions.iterator(chunk_size=STREAM_CHUNK)


def _joined(entries):
    for index, entry in enumerate(entries):
        yield ("" if index == 0 else ",\n") + entry


def version_json(request, jurisdiction_slug, class_slug, number):
    version = public_version(jurisdiction_slug, class_slug, number)
    return JsonResponse(export.version_data(version, request), json_dumps_params=JSON_OPTIONS)
