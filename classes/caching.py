"""Public pages kept once rendered: per catalogue edition for HTML, per version and status for PDFs.

Adopted text never changes, so what is rendered from it can be kept. What a page shows beside the
text (its status, the series ladder, promotion lines, the same work elsewhere, a department's name)
can change when other rows change, so HTML is kept per *catalogue edition*, which every change the
public can see advances (see `publishing.catalogue_changed`). A draft never reaches any of this: every caller
has found a public version first, and a draft's save starts no edition.
"""

import hashlib
import os
import tempfile
import time
from contextlib import contextmanager
from email.utils import format_datetime
from pathlib import Path
from wsgiref.util import FileWrapper

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control

from .models import CatalogueEdition

CATALOGUE_PAGE_MAX_AGE = 300  # a shared cache may serve the home page, a list or a class page this long after a change
EXPORT_BLOCK = 256 * 1024  # bytes of a kept export sent at a time
VERSION_MAX_AGE = 86_400  # a version's own addresses change at most once more: when it is superseded


_edition = {"number": None, "changed_at": None, "read_at": 0.0}


def current_edition():
    """(number, changed_at) of the catalogue's edition, read from the database at most once every
    `CATALOGUE_EDITION_TTL` seconds in this process: a kept page then costs no query at all, and a
    change reaches every process within that many seconds."""
    now = time.monotonic()
    if _edition["number"] is None or now - _edition["read_at"] >= settings.CATALOGUE_EDITION_TTL:
        row = CatalogueEdition.current().values_list("number", "changed_at").first() or (0, None)
        _edition.update(number=row[0], changed_at=row[1], read_at=now)
    return _edition["number"], _edition["changed_at"]


def forget_edition():
    """Read the edition afresh at the next page (a test's rolled-back transaction gives its numbers out again)."""
    _edition["number"] = None


def page(request, render, *, max_age, kept_in="default"):
    """The page `render()` makes for this address, kept per edition (in the cache `kept_in` names) and answered
    with validators: an unchanged page is a 304, a repeated one is not rendered again. `render` raises Http404 for
    what is not public."""
    edition, changed_at = current_edition()
    address = request.get_full_path()  # a list's filters are in its query string
    etag = f'"{edition}-{_digest(address)}"'
    if etag in _if_none_match(request):
        return _validated(HttpResponseNotModified(), etag, changed_at, max_age)
    key = f"page:{edition}:{_digest(address, size=16)}"  # any address, however long or odd, keys any cache
    kept = caches[kept_in]
    content = kept.get(key)
    if content is None:
        response = render()
        if response.status_code != 200:
            return response
        kept.set(key, response.content, timeout=None)
    else:
        response = HttpResponse(content)
    return _validated(response, etag, changed_at, max_age)


def document(request, find, render, respond):
    """A version's rendered document, kept on disk by version and status and answered with validators.

    `find()` gives the public version the address names (or raises Http404), `render(version_pk)` the
    document's bytes, `respond(content)` the response around them. What the address names is kept per
    edition too, so a repeated download reads no database."""
    edition, _ = current_edition()
    key = f"document:{edition}:{_digest(request.path, size=16)}"
    target = cache.get(key)
    if target is None:
        version = find()
        target = (version.pk, version.status)
        cache.set(key, target, timeout=None)
    version_pk, status = target
    etag = f'"v{version_pk}.{status}"'
    if etag in _if_none_match(request):
        return _validated(HttpResponseNotModified(), etag, None, VERSION_MAX_AGE)
    path = Path(settings.RENDERED_ROOT) / f"version-{version_pk}-{status}"
    if not path.exists():
        with _written_whole(path) as file:
            file.write(render(version_pk))
    return _validated(respond(path.read_bytes()), etag, None, VERSION_MAX_AGE)  # some tens of kilobytes


def export(request, name, chunks):
    """The body of a whole-catalogue export, kept on disk per edition and host (its rows hold absolute addresses).

    The first request streams `chunks()` (text) and writes them as it goes; once whole, the file serves every later
    request until the next edition, whose first export removes it. Built afresh, the CSV of a statewide catalogue
    took 16-19 s, most of the 30 s a sync worker may run."""
    edition, _ = current_edition()
    base = request.build_absolute_uri("/")
    path = Path(settings.RENDERED_ROOT) / "exports" / f"{name}-{edition}-{_digest(base)}"
    if path.exists():
        return FileWrapper(path.open("rb"), EXPORT_BLOCK)
    return _kept_while_streamed(chunks(), path, name, edition)


def _kept_while_streamed(chunks, path, name, edition):
    """The chunks, written to `path` as they pass; once whole, the other editions' exports of that name go (this
    edition's are kept, one per host)."""
    # A reader gone before the end closes the stream inside the `with`: what was written is no whole export.
    with _written_whole(path) as file:
        for chunk in chunks:
            file.write(chunk.encode())
            yield chunk
    for older in path.parent.glob(f"{name}-*"):
        if not older.name.startswith(f"{name}-{edition}-"):
            older.unlink(missing_ok=True)


def _digest(text, size=8):
    return hashlib.blake2b(text.encode(), digest_size=size).hexdigest()


@contextmanager
def _written_whole(path):
    """A file to write `path` through, in place only once the block ends: never read half written, and gone if the
    block does not end (an error, a reader gone). Two workers writing it at once each write a whole file; the last
    rename wins. Its temporary name begins with a dot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".writing-")
    try:
        with os.fdopen(handle, "wb") as file:
            yield file
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _if_none_match(request):
    header = request.headers.get("If-None-Match", "")
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def _validated(response, etag, changed_at, max_age):
    response["ETag"] = etag
    if changed_at:
        response["Last-Modified"] = format_datetime(changed_at, usegmt=True)
    patch_cache_control(response, public=True, max_age=max_age)
    return response
