"""Settings come from the environment and refuse unsafe or malformed values loudly."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def settings_with(**env):
    """Import the real settings in a fresh interpreter with exactly these variables set."""
    clean = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}}
    script = "import civilspec.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.ALLOWED_HOSTS)"
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, check=False
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_with()

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_must_be_a_clear_yes_or_no():
    result = settings_with(DEBUG="maybe", SECRET_KEY="k")

    assert "DEBUG must be true or false, not 'maybe'" in result.stderr


def test_debug_is_off_unless_asked_for():
    assert settings_with(SECRET_KEY="k").stdout.startswith("False")


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("", "django.db.backends.sqlite3"),
        ("postgres://civilspec:secret@db.example:5432/civilspec", "django.db.backends.postgresql"),
    ],
)
def test_the_database_comes_from_database_url_with_sqlite_by_default(url, engine):
    result = settings_with(SECRET_KEY="k", DATABASE_URL=url, ALLOWED_HOSTS="specs.example.gov")

    assert result.stdout.split()[1] == engine
    assert "specs.example.gov" in result.stdout


SECURITY = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_AGE",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "SILENCED_SYSTEM_CHECKS",
    "CSRF_TRUSTED_ORIGINS",
    "AXES_FAILURE_LIMIT",
    "AXES_COOLOFF_TIME",
    "TRUSTED_PROXY_COUNT",
]


def security_settings(**env):
    """The security settings the real settings module gives in a fresh interpreter with exactly these variables."""
    clean = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "DATABASE_URL", *SECURITY}}
    clean.pop("SECRET_KEY", None)
    script = (
        "import json, civilspec.settings as s; "
        f"print(json.dumps({{name: getattr(s, name, None) for name in {SECURITY!r}}}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_is_https_only_with_secure_cookies_and_a_working_days_session():
    values = security_settings(SECRET_KEY="k")

    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 365 * 24 * 60 * 60
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] is None  # trusting a proxy's header is the operator's choice
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_AGE"] == 8 * 60 * 60 and values["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True
    assert values["AXES_FAILURE_LIMIT"] == 5 and values["AXES_COOLOFF_TIME"] == "0:30:00"
    assert values["TRUSTED_PROXY_COUNT"] == 0


def test_a_developer_machine_with_debug_on_is_plain_http():
    values = security_settings(DEBUG="true")

    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False and values["CSRF_COOKIE_SECURE"] is False


def test_an_operator_sets_the_proxy_header_the_redirect_preloading_and_the_lockout():
    values = security_settings(
        SECRET_KEY="k",
        SECURE_SSL_REDIRECT="false",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        SECURE_HSTS_PRELOAD="true",
        CSRF_TRUSTED_ORIGINS="https://specs.example.gov",
        LOGIN_FAILURE_LIMIT="3",
        LOGIN_LOCKOUT_MINUTES="60",
        TRUSTED_PROXY_COUNT="1",
    )

    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SILENCED_SYSTEM_CHECKS"] == []  # preloading asked for: Django's check of it applies again
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://specs.example.gov"]
    assert values["AXES_FAILURE_LIMIT"] == 3 and values["AXES_COOLOFF_TIME"] == "1:00:00"
    assert values["TRUSTED_PROXY_COUNT"] == 1
