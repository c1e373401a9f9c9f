"""Benchmark of the version editor's save: the longest seed's draft saved through the admin, p50 and p95.

Run from the project root:  .venv/bin/python bench/save_draft.py [--saves N] [--database-url URL] [--multipart]

It sets Django up with DEBUG off and, unless --database-url names another, a throw-away SQLite database in a new
folder under /tmp (removed at the end), migrates it, loads the five seed fixtures and loads the application as
gunicorn does (civilspec/wsgi.py). It starts a draft of the seed with the most rows in its parts (or takes the draft
an earlier run left in the database named), signs a superuser in with Django's test client, and then, N times:
changes the first duty's words in the change form and posts the whole form back as a browser would (every part's
rows, the lock stamp, "Save and continue editing"), url-encoded as the form asks unless --multipart, then reads the
page the save redirects to, as the browser does. The post is the save timed against the target (a p95 of at most 300
ms); the page read after it is timed apart. It prints each percentile, the CPU time of this process (the whole save
on SQLite, which runs in it; a machine shared with other work stretches the wall time, not this), the load average
before and after, and the queries of one save.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

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
    # The application as a gunicorn worker loads it, what loading made frozen out of the garbage collector's sweeps.
    import civilspec.wsgi  # noqa: F401


def longest_draft():
    from django.contrib.auth.models import User

    from classes import structure, workflow
    from classes.models import JobClass

    def rows(job_class):
        version = job_class.versions.current().get()
        return sum(part.rows(version).count() for part in structure.PARTS)

    user = User.objects.filter(username="bench").first() or User.objects.create_superuser("bench", password="bench")
    longest = max(JobClass.objects.with_adopted_text().distinct(), key=rows)
    draft = longest.versions.open().first() or workflow.start_revision(longest, by=user)
    return draft, user, rows(longest)


def percentiles(timings):
    cuts = statistics.quantiles(timings, n=100)
    return f"p50 {cuts[49]:.0f} ms, p95 {cuts[94]:.0f} ms, max {max(timings):.0f} ms"


def run(saves, multipart):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tests.forms import form_data

    draft, user, rows = longest_draft()
    client = Client()
    client.force_login(user)
    address = reverse("admin:classes_version_change", args=[draft.pk])
    page = client.get(address).content.decode()
    multipart = multipart or 'enctype="multipart/form-data"' in page
    saved, cpu, shown, queries = [], [], [], 0
    load_before = os.getloadavg()
    for number in range(saves):
        data = form_data(page, "version_form")
        data["duties-0-text"] = [f"{data['duties-0-text'][0].split(' [')[0]} [{number}]"]
        data["_continue"] = ["Save and continue editing"]
        posted = {} if multipart else {"content_type": "application/x-www-form-urlencoded"}
        body = data if multipart else urlencode(data, doseq=True)
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.post(address, body, **posted)
            saved.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        assert response.status_code == 302, f"save {number} refused: {response.status_code}"
        queries = len(captured)
        started = time.perf_counter()
        page = client.get(response.url).content.decode()
        shown.append((time.perf_counter() - started) * 1000)
    load_after = os.getloadavg()
    draft.refresh_from_db()
    assert draft.duties.order_by("position").first().text.endswith(f"[{saves - 1}]")
    fields = sum(len(values) for values in data.values())
    print(f"database: {connection.vendor}; draft: {draft.title}, version {draft.number}, {rows} rows in its parts")
    print(f"saves: {saves}, each {fields} fields posted {'as multipart' if multipart else 'url-encoded'}")
    print(f"queries in one save: {queries}")
    print(f"load average: {load_before[0]:.2f} before, {load_after[0]:.2f} after, on {os.cpu_count()} cores")
    print(f"save: {percentiles(saved)} (target: p95 <= {TARGET_MS} ms)")
    print(f"save, CPU time of this process: {percentiles(cpu)}")
    print(f"the page read after it: {percentiles(shown)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=40, help="how many saves (default 40)")
    parser.add_argument("--database-url", help="a database to use instead of a throw-away SQLite one")
    parser.add_argument("--multipart", action="store_true", help="post as multipart/form-data, as runs before -06e did")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="civilspec-bench-"))
    try:
        set_up_django(args.database_url or f"sqlite:///{folder / 'bench.sqlite3'}")
        run(args.saves, args.multipart)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
