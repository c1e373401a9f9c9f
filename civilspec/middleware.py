"""A request the database could not serve (a restart, a lost connection) gets a 503 page asking to try again."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

# A PostgreSQL restart takes a second or two; a reader who waits this long finds the page again.
RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    """Turns the database errors of an outage, raised in a view, into a 503 with Retry-After instead of a 500.

    They are logged in one line each, not as tracebacks: an outage raises one per request, and the database
    server's own log says why it went. With DEBUG on, the developer gets the traceback instead (on SQLite a
    missing table is an OperationalError too).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if settings.DEBUG or not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning(
            "Database unavailable, answered 503: %s %s: %s: %s",
            request.method,
            request.path,
            type(exception).__name__,
            str(exception).strip().splitlines()[0] if str(exception).strip() else "",
        )
        # Rendered without the request: its context processors would read the session or the user, which
        # live in the database that just failed.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        # Nor may a shared cache keep this answer in place of the page.
        add_never_cache_headers(response)
        return response
