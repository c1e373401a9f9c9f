"""Deployment security: Django's deploy checks pass, every response carries the security headers, and admin sign-in
is throttled per username and address."""

import datetime
import os
import secrets
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import F

from tests.conftest import ROOT

YEAR = 365 * 24 * 60 * 60
PASSWORD = "analyst-password"  # what tests/conftest.py's make_user gives "analyst"
LOGIN = "/admin/login/?next=/admin/"

# Variables the production settings read; a shell's own values must not leak into a run meant to show the defaults.
SETTINGS_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_AGE",
}


def deploy_check(**env):
    """`manage.py check --deploy --fail-level WARNING` with the production settings and exactly these variables."""
    clean = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    production = {
        "DJANGO_SETTINGS_MODULE": "civilspec.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "specs.example.gov",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean, **production, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_deploy_checks_pass_with_the_production_settings():
    result = deploy_check()

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "warning"),
    [
        ({"DEBUG": "true"}, "security.W018"),
        ({"SECURE_SSL_REDIRECT": "false"}, "security.W008"),
    ],
)
def test_the_deploy_checks_fail_loudly_on_an_unsafe_setting(env, warning):
    result = deploy_check(**env)

    assert result.returncode != 0
    assert warning in result.stderr


# Headers


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";") if part.strip())
    return {name: sources for name, *sources in directives}


@pytest.fixture
def addresses(make_class, analyst):
    """A public page, an admin page and a PDF, the admin page as its analyst sees it."""
    _, version = make_class("Account Clerk")
    return {
        "public page": "/classes/tompkins-county/account-clerk/",
        "admin page": f"/admin/classes/version/{version.pk}/change/",
        "pdf": "/classes/tompkins-county/account-clerk/versions/1/pdf/",
    }


@pytest.mark.parametrize("page", ["public page", "admin page", "pdf"])
def test_every_kind_of_response_carries_the_security_headers(client, analyst, addresses, page):
    client.force_login(analyst)

    response = client.get(addresses[page], secure=True)

    assert response.status_code == 200
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["base-uri"] == ["'none'"]
    assert response["Strict-Transport-Security"] == f"max-age={YEAR}; includeSubDomains"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_plain_http_is_redirected_to_https_in_production(client, make_class, settings):
    make_class("Account Clerk")
    settings.SECURE_SSL_REDIRECT = True  # the production default (tests/test_settings.py); off for the test client

    response = client.get("/classes/tompkins-county/account-clerk/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/classes/tompkins-county/account-clerk/"


def test_the_cookies_of_an_admin_sign_in_are_secure_http_only_and_end_with_the_browser(client, analyst):
    client.get(LOGIN, secure=True)
    response = client.post(LOGIN, {"username": "analyst", "password": PASSWORD}, secure=True)

    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert session["expires"] == "" and session["max-age"] == ""  # a browser-session cookie
    assert client.session.get_expiry_age() == 8 * 60 * 60
    assert client.cookies["csrftoken"]["secure"]


def test_a_staff_password_needs_fifteen_characters():
    with pytest.raises(ValidationError, match="at least 15 characters"):
        validate_password("Tr0ub4dor&3xyz")

    validate_password("correct horse battery staple")


# Admin sign-in throttling


def sign_in(client, username, password, address="192.0.2.10", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, secure=True, **headers)


def fail(client, username, times, address="192.0.2.10", **headers):
    for _ in range(times):
        response = sign_in(client, username, "wrong-password", address, **headers)
    return response


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def locked_out(response):
    return response.status_code == 429 and "Sign-in is paused after 5 wrong passwords" in response.text


@pytest.mark.django_db
def test_five_wrong_passwords_pause_sign_in_even_with_the_right_one(client, analyst):
    assert fail(client, "analyst", 4).status_code == 200  # the form again, with its error

    assert locked_out(fail(client, "analyst", 1))
    response = sign_in(client, "analyst", PASSWORD)

    assert locked_out(response)
    assert "Try again in 30 minutes" in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_pause_holds_one_username_from_one_address_only(client, analyst, secretary):
    fail(client, "analyst", 5)

    assert signed_in(sign_in(client, "secretary", "secretary-password"))
    client.logout()
    assert signed_in(sign_in(client, "analyst", PASSWORD, address="198.51.100.7"))


@pytest.mark.django_db
def test_a_sign_in_before_the_limit_works_and_starts_the_count_again(client, analyst):
    fail(client, "analyst", 4)
    assert signed_in(sign_in(client, "analyst", PASSWORD))
    client.logout()

    fail(client, "analyst", 4)

    assert signed_in(sign_in(client, "analyst", PASSWORD))


def minutes_pass(minutes):
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=minutes))


@pytest.mark.django_db
def test_a_pause_ends_after_its_cool_off_or_when_an_administrator_lifts_it(client, analyst):
    fail(client, "analyst", 5)
    minutes_pass(29)
    assert locked_out(sign_in(client, "analyst", PASSWORD))
    minutes_pass(29)
    assert locked_out(sign_in(client, "analyst", PASSWORD))  # the attempt at 29 minutes started the wait again
    minutes_pass(31)

    assert signed_in(sign_in(client, "analyst", PASSWORD))
    client.logout()

    fail(client, "analyst", 5)
    call_command("axes_reset_username", "analyst", stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert signed_in(sign_in(client, "analyst", PASSWORD))


@pytest.mark.django_db
def test_behind_a_proxy_the_pause_holds_the_client_address_the_proxy_saw(client, analyst, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "127.0.0.1"  # every request reaches gunicorn from the proxy
    for spoofed in ("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"):
        fail(client, "analyst", 1, proxy, HTTP_X_FORWARDED_FOR=f"{spoofed}, 203.0.113.9")

    assert locked_out(sign_in(client, "analyst", PASSWORD, proxy, HTTP_X_FORWARDED_FOR="203.0.113.9"))
    assert signed_in(sign_in(client, "analyst", PASSWORD, proxy, HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7"))
