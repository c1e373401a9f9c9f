"""Benchmark of the version editor's save: the longest seed's draft saved through the admin, p50 and p95.

Run from the project root:  .venv/bin/python bench/save_draft.py [--saves N] [--database-url URL]

It sets Django up with DEBUG off and, unless --database-url names another, a throw-away SQLite database in a new
folder under /tmp (removed at the end), migrates it and loads the five seed fixtures. It starts a draft of the seed
with the most rows in its parts, signs a superuser in with Django's test client, and then, N times: reads the
change form (not timed), changes the first duty's words, and posts the whole form back as a browser would: every
part's rows, the lock stamp, "Save and continue editing". Only the post is timed. It prints each percentile and the
queries of one save. The target set for the editor is a p95 of at most 300 ms.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").glob("*.json"))
TARGET_MS = 300


def set_up_django(database_url):
    os.environ["DJANGO_SETTINGS_MODULE"] = "civilspec.settings"
    os.environ["DEBUG"] = "false"
    os.environ["SECRET_KEY"] = "benchmark-only-key-never-used-elsewhere"
    os.environ["DATABASE_URL"] = database_url
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["SECURE_SSL_REDIRECT"] = "false"
    os.environ["STATICFILES_BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("loaddata", *FIXTURES, verbosity=0)


def longest_draft():
    from django.contrib.auth.models import User

    from classes import structure, workflow
    from classes.models import JobClass

    def rows(job_class):
        version = job_class.versions.current().get()
        return sum(part.rows(version).count() for part in structure.PARTS)

    user = User.objects.filter(username="bench").first() or User.objects.create_superuser("bench", password="bench")
    longest = max(JobClass.objects.with_adopted_text().distinct(), key=rows)
    return workflow.start_revision(longest, by=user), user, rows(longest)


def run(saves):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tests.forms import form_data

    draft, user, rows = longest_draft()
    client = Client()
    client.force_login(user)
    address = reverse("admin:classes_version_change", args=[draft.pk])
    timings, queries = [], 0
    for number in range(saves):
        data = form_data(client.get(address).content.decode(), "version_form")
        data["duties-0-text"] = [f"{data['duties-0-text'][0].split(' [')[0]} [{number}]"]
        data["_continue"] = ["Save and continue editing"]
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.post(address, data)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 302, f"save {number} refused: {response.status_code}"
        queries = len(captured)
    draft.refresh_from_db()
    assert draft.duties.order_by("position").first().text.endswith(f"[{saves - 1}]")
    cuts = statistics.quantiles(timings, n=100)
    print(f"database: {connection.vendor}; draft: {draft.title}, version {draft.number}, {rows} rows in its parts")
    print(f"saves: {saves}; queries in one save: {queries}")
    print(f"p50 {cuts[49]:.0f} ms, p95 {cuts[94]:.0f} ms, max {max(timings):.0f} ms (target: p95 <= {TARGET_MS} ms)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=40, help="how many saves (default 40)")
    parser.add_argument("--database-url", help="a database to use instead of a throw-away SQLite one")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="civilspec-bench-"))
    try:
        set_up_django(args.database_url or f"sqlite:///{folder / 'bench.sqlite3'}")
        run(args.saves)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
