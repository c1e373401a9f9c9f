"""An upload's limits, held while Django receives the request: bytes per request and per file, files per request."""

import time

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopUpload
from django.http.multipartparser import MultiPartParserError

from . import readers
from .batch import ImportedFile

MAX_UPLOAD_FILES = 20
MAX_UPLOAD_BYTES = 30 * 1024 * 1024
# A browser still sending an upload that is refused sees a reset connection, not the answer, unless the rest is
# read: so a refused upload is read and dropped (never kept) up to this size and time, and past them left unread.
MAX_DRAINED_BYTES = 200 * 1024 * 1024
DRAIN_SECONDS = 10
MEGABYTE = 1024 * 1024


class UploadRefused(Exception):
    """The whole upload is refused and nothing of it imported; the message is for the page, `status` its answer."""

    def __init__(self, message, status=413):
        super().__init__(message)
        self.status = status


def receive(request):
    """The uploaded files, received within the limits, as ImportedFiles in the order sent (refused ones included).

    Must run before anything reads the request's body (CSRF checks do), so that the limits apply as it streams in.
    """
    length = _declared_length(request)
    if length > MAX_UPLOAD_BYTES:  # refused from its declared length: nothing of the body is kept
        if length <= MAX_DRAINED_BYTES:
            _drain(request)
        raise UploadRefused(
            f"This upload is {length / MEGABYTE:.1f} MB; one upload may send at most {MAX_UPLOAD_BYTES // MEGABYTE} MB. "
            "Nothing was imported: send the files in smaller groups."
        )
    limits = UploadLimits(request)
    request.upload_handlers = [limits, *request.upload_handlers]  # raises if the body was read already
    try:
        uploads = request.FILES.getlist("files")
    except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent, MultiPartParserError) as error:
        raise UploadRefused(f"This upload cannot be read ({error}). Nothing was imported.", status=400) from error
    if limits.too_many:
        raise UploadRefused(
            f"One upload may send at most {MAX_UPLOAD_FILES} files; this one sent more. "
            "Nothing was imported: send the files in smaller groups."
        )
    return limits.imported_files(uploads)


def _drain(request):
    deadline = time.monotonic() + DRAIN_SECONDS
    while request.read(64 * 1024) and time.monotonic() < deadline:
        pass


def _declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django reads no body then


class UploadLimits(FileUploadHandler):
    """The first of a request's upload handlers: it counts the files and each file's bytes as they stream in.

    A file past readers.MAX_FILE_BYTES is skipped (the rest of it is read and dropped, never stored) and
    remembered with the reason; past MAX_UPLOAD_FILES files the upload stops.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.arrivals = []  # [field name, file name, refusal] of each file, in the order sent
        self.file_bytes = 0
        self.too_many = False

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        if len(self.arrivals) >= MAX_UPLOAD_FILES:
            self.too_many = True
            # The rest of the body (within MAX_UPLOAD_BYTES) is read and dropped, so that the browser shows the answer.
            raise StopUpload(connection_reset=False)
        self.arrivals.append([field_name, file_name, ""])
        self.file_bytes = 0

    def receive_data_chunk(self, raw_data, start):
        self.file_bytes += len(raw_data)
        if self.file_bytes > readers.MAX_FILE_BYTES:
            self.arrivals[-1][2] = f"over the limit of {readers.MAX_FILE_BYTES:,} bytes; not read."
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) keeps the file

    def imported_files(self, uploads):
        """The files of the form's "files" field: those Django kept, in order, and those refused on the way."""
        kept = iter(uploads)
        files = []
        for field_name, file_name, refusal in self.arrivals:
            if field_name != "files":
                continue
            if refusal:
                files.append(ImportedFile(name=file_name, size=0, read=None, refusal=refusal))
            elif upload := next(kept, None):
                files.append(ImportedFile(name=upload.name, size=upload.size, read=upload.read))
        return files
