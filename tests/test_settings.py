"""Settings come from the environment and refuse unsafe or malformed values loudly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
