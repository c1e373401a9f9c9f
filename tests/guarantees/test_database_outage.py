"""While the database cannot be reached, a page answers 503 "temporarily unavailable" with Retry-After, not 500.

The failure is a real one: the page's database is a PostgreSQL address on this machine whose port refuses
connections, as PostgreSQL's does while it restarts.
"""

import socket

import dj_database_url
import pytest
from django.conf import settings as django_settings
from django.db import OperationalError, connections
from django.db.utils import load_backend
from django.http import HttpResponse
from django.urls import include, path

pytestmark = pytest.mark.django_db  # the test database is not used, but pytest-django blocks any connection without it

MIDDLEWARE = "civilspec.middleware.DatabaseUnavailableMiddleware"


def unreachable_database():
    parsed = dj_database_url.parse(f"postgres://civilspec:civilspec@127.0.0.1:{django_settings.CLOSED_PORT}/civilspec")
    configured = connections.configure_settings({"default": parsed})["default"]  # Django's defaults filled in
    return load_backend(configured["ENGINE"]).DatabaseWrapper(configured, alias="unreachable")


def page_of_an_unreachable_database(request):
    database = unreachable_database()
    try:
        with database.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        database.close()
    return HttpResponse("The page")


def page_with_a_bug(request):
    raise ValueError("a bug, not an outage")


urlpatterns = [
    path("unreachable/", page_of_an_unreachable_database),
    path("bug/", page_with_a_bug),
    path("", include("civilspec.urls")),  # the site's own, which its pages link to
]


@pytest.fixture
def site(settings):
    """These pages, behind the project's own middleware."""
    settings.ROOT_URLCONF = __name__
    assert MIDDLEWARE in settings.MIDDLEWARE, f"settings.MIDDLEWARE lacks {MIDDLEWARE}"
    with socket.socket() as holder:
        # Bound, so that nothing else takes the port, but not listening: connecting to it is refused.
        holder.bind(("127.0.0.1", 0))
        settings.CLOSED_PORT = holder.getsockname()[1]
        yield


def test_a_page_whose_database_refuses_connections_asks_the_reader_to_try_again(site, client, caplog):
    response = client.get("/unreachable/")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    page = response.content.decode()
    assert "<h1>Temporarily unavailable</h1>" in page
    assert "Please try again in a few seconds." in page
    assert "Search and browse classes" in page  # the site's own page, with its navigation
    # A shared cache must not keep the outage in place of the page.
    assert "no-store" in response["Cache-Control"]
    assert [
        record.getMessage().split(": ")[:2] for record in caplog.records if record.name == "civilspec.middleware"
    ] == [["Database unavailable, answered 503", "GET /unreachable/"]]


def test_a_bug_is_still_a_server_error(site, client):
    client.raise_request_exception = False

    response = client.get("/bug/")

    assert response.status_code == 500
    assert "Retry-After" not in response


def test_with_debug_on_the_developer_gets_the_database_error_itself(site, client, settings):
    settings.DEBUG = True

    with pytest.raises(OperationalError, match="Connection refused"):
        client.get("/unreachable/")
