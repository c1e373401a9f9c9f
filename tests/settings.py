"""Settings for the test suite: the production settings, plus a throw-away key, a fast hasher and plain static files."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-suite-only-key")
# The production defaults (secure cookies, HSTS, ...) whatever the shell exported for manage.py.
os.environ["DEBUG"] = "false"

from civilspec.settings import *  # noqa: F403  (the suite runs the real settings, changed only below)

# The test client and the live server speak plain HTTP; tests ask for HTTPS (`secure=True`) where it matters.
SECURE_SSL_REDIRECT = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the finders: the suite never runs collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Every request reads the edition: tests change the catalogue and ask again at once.
CATALOGUE_EDITION_TTL = 0
# Each test run keeps its rendered documents apart, and removes them at exit.
RENDERED_ROOT = Path(tempfile.mkdtemp(prefix="civilspec-rendered-"))
atexit.register(shutil.rmtree, RENDERED_ROOT, ignore_errors=True)
