"""Benchmark of the public portal under HTTP load: requests per second and latency of each endpoint.

Run from the project root:  .venv/bin/python bench/load.py [--seconds 10] [--classes 100000] [--save]

It needs PostgreSQL and wrk (`apt-get install -y wrk`). In order, it:

1. builds or reuses the benchmark database (`--database-url`, by default civilspec_bench on 127.0.0.1): creates
   it if missing, migrates it if it lacks the schema, and writes a synthetic catalogue of `--classes` classes
   (`manage.py generate_catalogue --seed 1`) if it holds none; tables never vacuumed are vacuumed (and analysed);
2. chooses each endpoint's address from the database itself, deterministically (a current class with two
   public versions, the largest jurisdiction, search words by how many documents hold them ...);
3. counts the SQL queries of each endpoint in this process (Django's test client, the same database), on a
   first request for the address and on a second one, and checks that each answers 2xx;
4. starts gunicorn with production settings (DEBUG off, 2 sync workers) on 127.0.0.1 and a free port, and for
   each endpoint in turn warms it up (so a page kept per edition, or a PDF kept on disk, has been rendered: the
   load measures the second download onwards), then loads it with wrk for `--seconds`;
5. prints one table: requests/s, latency p50/p95/p99, errors, requests/s as a share of the trivial view's
   (`/health/`, no database) measured in the same run, queries cold/warm, and the target where the issue sets
   one; then the largest peak memory (VmHWM) of a gunicorn worker, the machine, versions and database.

Nothing here belongs to the test suite. `--save` writes the report to bench/results/load-YYYY-MM-DD.txt.
Temporary files (gunicorn's log, rendered PDFs, request bodies) live in a folder under /tmp removed at the end.
"""

import argparse
import concurrent.futures
import contextlib
import datetime
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRK_SCRIPT = ROOT / "bench" / "wrk_report.lua"
RESULTS = ROOT / "bench" / "results"
DEFAULT_DATABASE_URL = "postgres://civilspec:civilspec@127.0.0.1:5432/civilspec_bench"
WRK_MISSING = "wrk is missing. Install it with: apt-get install -y wrk"
TRIVIAL = "/health/"
SYNTHETIC_PREFIX = "synthetic-"  # slugs of generate_catalogue's jurisdictions
SAMPLE_DOCUMENTS = 2000  # search documents read to find common and rare words
MEMORY_TARGET_MB = 200
FORM = "application/x-www-form-urlencoded"


@dataclass
class Target:
    """What the issue asks of an endpoint: a share of the trivial view's requests/s, or a p95 ceiling."""

    ratio: float | None = None
    p95_ms: float | None = None

    def __str__(self):
        return f">= {self.ratio} x trivial" if self.ratio is not None else f"p95 <= {self.p95_ms:g} ms"

    def met(self, result):
        if self.ratio is not None:
            return result.ratio is not None and result.ratio >= self.ratio
        return result.requests > 0 and result.p95_ms <= self.p95_ms


@dataclass
class Endpoint:
    name: str
    path: str
    method: str = "GET"
    body: bytes = b""
    content_type: str = ""
    target: Target | None = None
    note: str = ""  # what was chosen, e.g. a search word and how many classes it matches
    asked_once: bool = False  # each request a new address (wrk_report.lua's WRK_NEW_ADDRESS): never a kept page


@dataclass
class Result:
    endpoint: Endpoint
    requests: int = 0
    seconds: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    errors: dict = field(default_factory=dict)
    ratio: float | None = None
    queries_cold: int | None = None
    queries_warm: int | None = None
    cold_ms: float | None = None
    worker_peak_mb: float = 0.0  # the largest worker VmHWM once this endpoint had run
    warm_up_failures: dict = field(default_factory=dict)
    worker_timeouts: int = 0  # workers gunicorn killed for outliving its timeout

    @property
    def per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0


# Settings and the database


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help=f"default {DEFAULT_DATABASE_URL}")
    parser.add_argument("--classes", type=int, default=100_000, help="synthetic classes wanted (default 100000)")
    parser.add_argument("--jurisdictions", type=int, default=200, help="when generating them (default 200)")
    parser.add_argument("--seconds", type=int, default=10, help="wrk's duration per endpoint (default 10)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections (default 4)")
    parser.add_argument("--timeout", type=int, default=60, help="wrk's per-request timeout, seconds (default 60)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--save", action="store_true", help="write the report to bench/results/load-<date>.txt")
    return parser.parse_args()


def production_environment(database_url, folder):
    """The environment of a production deployment, as README's "Production" has it, on a throw-away key.
    The manifest storage refuses to render a page before `collectstatic`, whose target is inside the
    project; static files are not measured, so the plain storage stands in for it."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "civilspec.settings",
        "DEBUG": "false",
        "SECRET_KEY": "load-benchmark-only-key-never-used-elsewhere",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "RENDERED_ROOT": str(folder / "rendered"),
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on 127.0.0.1: no proxy ends TLS in front of this gunicorn
    }


def set_up_django(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    if settings.DEBUG or settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        sys.exit("The load benchmark runs with DEBUG off on PostgreSQL: give a postgres:// --database-url.")


def ensure_database():
    """Create the database if it does not exist, connecting to the server's `postgres` database to do so."""
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    params = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"], "password": db["PASSWORD"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as maintenance:
        if maintenance.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
            return False
        maintenance.execute(f'CREATE DATABASE "{db["NAME"]}"')
        return True


def prepare_database(args, env):
    """Build or reuse: schema, then the synthetic catalogue. Returns what was done, for the report."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    done = []
    if ensure_database():
        done.append("created the database")
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("Migrating ...", flush=True)
        call_command("migrate", verbosity=0)
        done.append("migrated")
    held = synthetic_classes()
    if held < args.classes:
        if held:
            sys.exit(
                f"The database holds {held} synthetic classes, fewer than --classes {args.classes}, and synthetic "
                "text cannot be replaced (adopted text is never deleted). Use a fresh --database-url, or "
                f"--classes {held} to measure what it holds."
            )
        generate(args, env)
        done.append(f"generated {args.classes} classes in {args.jurisdictions} jurisdictions")
    if tables := never_vacuumed():
        # Freshly written rows have no planner statistics, no visibility map (index-only scans visit the heap)
        # and no hint bits (the first reads of each page write it again) until autovacuum gets to them; a
        # production database has had all three for long. VACUUM (ANALYZE) gives them now.
        print(f"Vacuuming and analysing {len(tables)} tables ...", flush=True)
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f'VACUUM (ANALYZE) "{table}"')
        done.append(f"vacuumed and analysed {len(tables)} tables")
    return done or ["reused as it was"]


def synthetic_classes():
    from classes.models import JobClass

    return JobClass.objects.filter(jurisdiction__slug__startswith=SYNTHETIC_PREFIX).count()


def writers_elsewhere():
    """Other sessions with a transaction that has written to this database. generate_catalogue writes its
    catalogue in one transaction and refuses only where a committed one exists: started beside a generation
    still under way, it would wait on the same rows and then fail, holding locks meanwhile."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, xact_start FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
        )
        return cursor.fetchall()


def generate(args, env):
    if writing := writers_elsewhere():
        sys.exit(
            "Another session is writing to this database (pid, transaction start: "
            f"{', '.join(f'{pid} {start:%H:%M:%S}' for pid, start in writing)}), a generation under way perhaps; "
            "run the benchmark again once it has finished."
        )
    command = [
        sys.executable,
        "manage.py",
        "generate_catalogue",
        f"--classes={args.classes}",
        f"--jurisdictions={args.jurisdictions}",
        "--seed=1",
    ]
    print("Generating:", " ".join(command[1:]), flush=True)
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def never_vacuumed():
    """The catalogue's tables that hold rows but were never vacuumed, by hand or by autovacuum."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables WHERE n_live_tup > 0"
            " AND last_vacuum IS NULL AND last_autovacuum IS NULL AND relname LIKE ANY (%s) ORDER BY relname",
            [["classes_%", "qualifications_%"]],
        )
        return [row[0] for row in cursor.fetchall()]


# Choosing the addresses


def choose_endpoints(folder):
    """The endpoints, in the order they are loaded, each address read from the database."""
    from classes.models import Jurisdiction

    chosen, versions = chosen_class()
    j, c = chosen.jurisdiction.slug, chosen.slug
    older, newer, current = versions[0], versions[1], versions[-1]
    largest = Jurisdiction.objects.get(pk=largest_jurisdiction())
    words = search_words()
    typo, uncorrected = words["misspelt"]
    class_note = f"{chosen.title}: versions {', '.join(map(str, versions))}"
    uncorrected_note = ""
    if uncorrected:
        shown = ", ".join(uncorrected[:5]) + (", ..." if len(uncorrected) > 5 else "")
        uncorrected_note = f"; tried first, {len(uncorrected)} typos that search left uncorrected: {shown}"
    search = [
        ("search: a common word", words["common"], Target(p95_ms=60), ""),
        ("search: two common words", words["two common"], Target(p95_ms=60), ""),
        ("search: a rare word", words["rare"], None, ""),
        ("search: a prefix", words["prefix"], None, ""),
        ("search: a misspelling", typo, Target(p95_ms=150), uncorrected_note),
    ]
    return [
        Endpoint("trivial view", TRIVIAL, note="answers without the database"),
        Endpoint("home", "/"),
        Endpoint("class page", f"/classes/{j}/{c}/", target=Target(ratio=0.6), note=class_note),
        Endpoint("older version page", f"/classes/{j}/{c}/versions/{older}/"),
        Endpoint(
            "list with filters",
            f"/classes/?jurisdiction={largest.slug}&education=bachelor",
            target=Target(ratio=0.3),
            note=f"the largest jurisdiction, {largest.name}: {matches('', jurisdiction=largest)} current classes",
        ),
        *(
            Endpoint(name, "/classes/?" + urllib.parse.urlencode({"q": q}), target=target, note=search_note(q) + more)
            for name, q, target, more in search
        ),
        # Search pages are kept per edition as lists are: what the first reader of each waits for, measured apart.
        *(
            Endpoint(
                f"{name}, asked once",
                "/classes/?" + urllib.parse.urlencode({"q": q}),
                target=target,
                note="each request a new address, never a kept page",
                asked_once=True,
            )
            for name, q, target, _ in search
            if target
        ),
        Endpoint("comparison", f"/classes/{j}/{c}/compare/?from={older}&to={newer}"),
        Endpoint("PDF, second download", f"/classes/{j}/{c}/versions/{current}/pdf/", target=Target(ratio=0.8)),
        checker_endpoint(j, c),
        qualify_endpoint(),
        Endpoint("CSV export", "/data/classes.csv", note="the whole catalogue"),
        Endpoint("trivial view, again", TRIVIAL, note="the machine's drift over the run"),
    ]


def chosen_class():
    """The first current class (by key) with at least two public versions, and their numbers, oldest first."""
    from django.db.models import Count

    from classes.models import JobClass, Version

    with_two = Version.objects.public().values("job_class").annotate(n=Count("pk")).filter(n__gte=2)
    chosen = (
        JobClass.objects.current()
        .filter(pk__in=with_two.values("job_class"))
        .select_related("jurisdiction")
        .order_by("pk")
        .first()
    )
    if chosen is None:
        sys.exit("No current class has two public versions: the database cannot give a comparison to load.")
    numbers = Version.objects.public().filter(job_class=chosen).order_by("number").values_list("number", flat=True)
    return chosen, list(numbers)


def largest_jurisdiction():
    from django.db.models import Count

    from classes.models import JobClass

    counts = JobClass.objects.current().values("jurisdiction").annotate(n=Count("pk")).order_by("-n", "jurisdiction")
    return counts[0]["jurisdiction"]


def search_words():
    """Words chosen by how many search documents hold them, read from a sample spread evenly over the keys:
    common ones are title words that the most documents hold anywhere (what an applicant would type), a rare
    one is held by one sampled document, the prefix is a common word's first letters, and the misspelling is
    the commonest long title word with a letter changed, so that it matches nothing as typed."""
    from django.db.models import F

    from classes.models import SearchDocument
    from classes.search.words import STOPWORDS, WORD

    step = max(1, SearchDocument.objects.count() // SAMPLE_DOCUMENTS)
    sample = SearchDocument.objects.alias(slot=F("pk") % step).filter(slot=0).order_by("pk")
    anywhere, in_titles = Counter(), Counter()
    for title, *texts in sample.values_list("title", "features", "duties", "qualifications"):
        words = {w for w in WORD.findall(" ".join([title, *texts]).lower()) if w.isalpha() and w not in STOPWORDS}
        anywhere.update(w for w in words if len(w) >= 5)
        in_titles.update(w for w in set(WORD.findall(title.lower())) if w.isalpha() and len(w) >= 5)
    common = sorted((w for w in in_titles if w in anywhere), key=lambda w: (-anywhere[w], w))
    if len(common) < 2:
        sys.exit("The search documents are too few to choose common words from.")
    return {
        "common": common[0],
        "two common": f"{common[0]} {common[1]}",
        "rare": rare_word(sorted(w for w, n in anywhere.items() if n == 1 and len(w) >= 8)),
        "prefix": common[0][: 5 if len(common[0]) > 5 else 4],
        "misspelt": misspelling(sorted(in_titles, key=lambda w: (-in_titles[w], w)), set(anywhere)),
    }


def rare_word(candidates, most_tries=50):
    """The first candidate (held by one sampled document) that few classes match as search reads it: search
    stems words and matches them as beginnings, so a word rare as spelt ("abilities") may match every class."""
    from classes.models import SearchDocument

    few = max(10, SearchDocument.objects.count() // 1000)
    for word in candidates[:most_tries]:
        if 1 <= matches(word) <= few:
            return word
    sys.exit(f"None of {min(len(candidates), most_tries)} rare-looking words matches {few} classes or fewer.")


def misspelling(title_words, known, most_tries=400):
    """The commonest title word of 6 letters or more with one letter changed, near its middle first, such that
    the result is no word of any document and search corrects it back to the word (a typo it cannot correct
    would measure an empty page)."""
    from classes.search import backends, spelling

    backend = backends.for_database("default")  # search's own "matches nothing as typed" and correction
    tries, uncorrected = 0, []
    for word in (w for w in title_words if len(w) >= 6):
        middle = len(word) // 2
        for position in sorted(range(1, len(word) - 1), key=lambda i: (abs(i - middle), i)):
            for letter in "etaoinshrdlucmfwypvbgk":
                typo = word[:position] + letter + word[position + 1 :]
                if typo == word or typo in known:
                    continue
                tries += 1
                if tries > most_tries:
                    sys.exit(
                        f"No one-letter misspelling of a common title word that search corrects ({most_tries} tried)."
                    )
                if not backend.exists([typo]):
                    if spelling.corrected([typo], backend) == [word]:
                        return typo, uncorrected
                    uncorrected.append(typo)
    sys.exit("No one-letter misspelling of a title word that search corrects.")


def matches(q, **filters):
    """How many current classes the list would show for q (all of them, not the page's capped count)."""
    from classes import search
    from classes.models import JobClass

    classes = JobClass.objects.current().filter(**filters)
    return (search.apply(classes, q, by_relevance=False) if q else classes).order_by().values("pk").distinct().count()


def search_note(q):
    from classes.search import backends, spelling
    from classes.search.words import searchable

    note = f"q={q!r}: {matches(q)} matches"
    words = searchable(q)
    backend = backends.for_database("default")
    if not backend.exists(words):
        note += f", read as {' '.join(spelling.corrected(words, backend))!r}"
    return note


def checker_endpoint(j, c):
    """A JSON profile for the class's check, naming what the class's own questions list (README "JSON")."""
    questions = client().get(f"/classes/{j}/{c}/check/?format=json").json()["questions"]
    profile = {
        "education_level": "bachelor",
        "college_credits": 120,
        "jobs": [
            {
                "title": "Analyst",
                "years": 4,
                "months": 6,
                "hours_per_week": 40,
                "paid": True,
                "supervisory": True,
                "kinds": questions["experience_kinds"][:2],
            }
        ],
    }
    if questions["degree_fields"]:
        profile["degree_fields"] = questions["degree_fields"][:1]
    if questions["credit_hours"]:
        profile["credit_hours"] = dict.fromkeys(questions["credit_hours"][:2], 12)
    if questions["status"]:
        profile["status"] = {questions["status"][0]: 2}
    return Endpoint(
        "checker result (JSON)",
        f"/classes/{j}/{c}/check/",
        method="POST",
        body=json.dumps(profile).encode(),
        content_type="application/json",
        note="a bachelor's degree, 4.5 years of supervisory work",
    )


def qualify_endpoint():
    """The catalogue-wide form, posted as a browser would: a bachelor's degree and two jobs, which many
    classes' open-competitive paths accept (a profile that matches little would end early)."""
    form = {
        "education_level": "bachelor",
        "college_credits": "",
        "jurisdiction": "",
        "jobs-TOTAL_FORMS": "2",
        "jobs-INITIAL_FORMS": "0",
        "jobs-0-title": "Analyst",
        "jobs-0-years": "4",
        "jobs-0-months": "0",
        "jobs-0-hours_per_week": "",
        "jobs-0-paid": "yes",
        "jobs-0-supervisory": "on",
        "jobs-1-title": "Clerk",
        "jobs-1-years": "2",
        "jobs-1-months": "6",
        "jobs-1-hours_per_week": "20",
        "jobs-1-paid": "yes",
    }
    return Endpoint(
        "classes I qualify for",
        "/classes/qualify/",
        method="POST",
        body=urllib.parse.urlencode(form).encode(),
        content_type=FORM,
        target=Target(p95_ms=500),
        note="all jurisdictions; a bachelor's degree, 4 years full-time (supervisory) and 2.5 half-time",
    )


# SQL queries per request, in this process


def client():
    from django.test import Client

    return Client(HTTP_HOST="127.0.0.1")  # ALLOWED_HOSTS is the production one


def count_queries(endpoints):
    """Queries of a first request for each address in this process (nothing kept for it yet) and of a second,
    with the first one's time; an endpoint that does not answer 2xx stops the benchmark here."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    browser = client()
    counted = {}
    for endpoint in endpoints:
        if endpoint.path in counted:
            continue
        counts = []
        for attempt in ("cold", "warm"):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = send_in_process(browser, endpoint)
            if attempt == "cold":
                cold_ms = (time.perf_counter() - started) * 1000
            if not 200 <= response.status_code < 400:
                sys.exit(f"{endpoint.name} ({endpoint.method} {endpoint.path}) answered {response.status_code}")
            counts.append(len(queries))
        counted[endpoint.path] = (*counts, cold_ms)
    return counted


def send_in_process(browser, endpoint):
    if endpoint.method == "POST":
        response = browser.post(endpoint.path, data=endpoint.body, content_type=endpoint.content_type)
    else:
        response = browser.get(endpoint.path)
    if response.streaming:
        # A streamed response (the open data) runs its queries while it is read: read it all here, inside the
        # count and the time, as a client would.
        for _ in response.streaming_content:
            pass
    return response


# gunicorn


@dataclass
class Server:
    base: str
    process: subprocess.Popen
    log: Path
    peaks: dict = field(default_factory=dict)  # worker pid: largest VmHWM seen, kB
    running: threading.Event = field(default_factory=threading.Event)

    def workers(self):
        return children(self.process.pid)

    def record_memory(self):
        for pid in self.workers():
            self.peaks[pid] = max(self.peaks.get(pid, 0), vm_hwm_kb(pid))
        return max(self.peaks.values(), default=0) / 1024

    def watch_memory(self):
        """Sample the workers' VmHWM all along, not only between endpoints: gunicorn kills a worker that
        outlives its timeout, and the peak of a process that has gone can no longer be read."""
        while self.running.is_set():
            self.record_memory()
            time.sleep(0.2)

    def worker_timeouts(self):
        return self.log.read_text(errors="replace").count("WORKER TIMEOUT")


@contextlib.contextmanager
def gunicorn(env, workers, folder):
    """gunicorn as README's "Production" runs it, on a free port; stopped however the benchmark ends."""
    port = free_port()
    log = folder / "gunicorn.log"
    command = [
        *(sys.executable, "-m", "gunicorn", "civilspec.wsgi"),
        *("--workers", str(workers), "--worker-class", "sync", "--bind", f"127.0.0.1:{port}"),
    ]
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", process, log)
    server.running.set()
    watcher = threading.Thread(target=server.watch_memory, daemon=True)
    try:
        wait_until_healthy(server, workers)
        watcher.start()
        yield server
    finally:
        server.running.clear()
        process.send_signal(signal.SIGTERM)  # graceful: the master stops its workers
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(server, workers, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            sys.exit(f"gunicorn stopped at start-up:\n{server.log.read_text()[-3000:]}")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(server.base + TRIVIAL, timeout=2).read()
            if len(server.workers()) == workers:
                return
        time.sleep(0.2)
    sys.exit(f"gunicorn did not answer {TRIVIAL} within {seconds} s:\n{server.log.read_text()[-3000:]}")


def children(pid):
    """Processes whose parent is `pid` (gunicorn's workers are its master's children)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = status.read_text().rsplit(")", 1)[1].split()  # the name, in parentheses, may hold spaces
            if int(fields[1]) == pid:
                found.append(int(status.parent.name))
    return found


def vm_hwm_kb(pid):
    """The process's peak resident memory, kB (0 if it has gone)."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def cpu_ticks(pids):
    """Each process's CPU time so far (user + system), in clock ticks."""
    ticks = {}
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks[pid] = int(fields[11]) + int(fields[12])
    return ticks


def settle(server, most_seconds=180):
    """Wait until the workers are idle. wrk stops at its deadline without waiting for the requests under way,
    and a slow one keeps its worker busy; health checks cannot tell (a sync worker that is busy accepts
    nothing, so the idle one answers them all), so the workers are watched instead: idle is the same workers
    using at most a tick of CPU each in a quarter of a second, while no query runs in the database (a worker
    waiting for one uses no CPU)."""
    deadline = time.monotonic() + most_seconds
    before = cpu_ticks(server.workers())
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = cpu_ticks(server.workers())
        if now.keys() == before.keys() and all(now[pid] - before[pid] <= 1 for pid in now) and not queries_running():
            return
        before = now


def queries_running():
    """Whether another session is running a query in this database (a worker's, while the benchmark runs)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND state = 'active'"
        )
        return cursor.fetchone()[0] > 0


# Loading the endpoints


def warm_up(server, endpoint, workers):
    """Each worker renders what it keeps (a page per edition) before it is measured: requests are sent in
    parallel rounds so that every worker takes some. Returns the answers that were not 2xx or 3xx (the endpoint
    answered 2xx in-process, so these are the server's: a worker killed at its timeout, say)."""
    failed = Counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2 * workers) as pool:
        for _ in range(2):
            failed.update(
                answer for answer in pool.map(lambda _: fetch(server, endpoint), range(2 * workers)) if answer
            )
    return dict(failed)


def fetch(server, endpoint):
    """None if the request was answered 2xx or 3xx, else what it got instead (a status or an error's name)."""
    request = urllib.request.Request(server.base + endpoint.path, data=endpoint.body or None, method=endpoint.method)
    if endpoint.content_type:
        request.add_header("Content-Type", endpoint.content_type)
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            response.read()
            return None
    except urllib.error.HTTPError as error:
        return str(error.code)
    except (OSError, http.client.HTTPException) as error:  # reset, refused, timed out, cut short
        return type(error).__name__


def run_wrk(server, endpoint, args, folder):
    """One wrk run against the endpoint; the numbers are read from the JSON line wrk_report.lua prints."""
    env = {
        **os.environ,
        "WRK_METHOD": endpoint.method,
        "WRK_CONTENT_TYPE": endpoint.content_type,
        "WRK_NEW_ADDRESS": "1" if endpoint.asked_once else "",
    }
    if endpoint.body:
        body = folder / "body"
        body.write_bytes(endpoint.body)
        env["WRK_BODY_FILE"] = str(body)
    command = [
        "wrk",
        f"--threads={args.threads}",
        f"--connections={args.connections}",
        f"--duration={args.seconds}s",
        f"--timeout={args.timeout}s",
        f"--script={WRK_SCRIPT}",
        server.base + endpoint.path,
    ]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    line = next((line for line in output.splitlines() if line.startswith("WRK_REPORT ")), None)
    if line is None:
        sys.exit(f"wrk printed no report for {endpoint.name}:\n{output}")
    return json.loads(line.removeprefix("WRK_REPORT "))


def load(server, endpoints, queries, args, folder):
    results = []
    for endpoint in endpoints:
        print(f"Loading {endpoint.name}: {endpoint.method} {endpoint.path}", flush=True)
        timeouts_before = server.worker_timeouts()
        failures = warm_up(server, endpoint, args.workers)
        settle(server)
        report = run_wrk(server, endpoint, args, folder)
        settle(server)
        latency = report["latency_us"]
        cold, warm, cold_ms = queries[endpoint.path]
        result = Result(
            endpoint,
            requests=report["requests"],
            seconds=report["duration_us"] / 1e6,
            p50_ms=latency["p50"] / 1000,
            p95_ms=latency["p95"] / 1000,
            p99_ms=latency["p99"] / 1000,
            errors={kind: n for kind, n in report["errors"].items() if n},
            queries_cold=cold,
            queries_warm=warm,
            cold_ms=cold_ms,
            worker_peak_mb=server.record_memory(),
            warm_up_failures=failures,
            worker_timeouts=server.worker_timeouts() - timeouts_before,
        )
        results.append(result)
    trivial = trivial_reference(results)
    for result in results:
        result.ratio = result.per_second / trivial if trivial else None
    return results


def trivial_reference(results):
    """The trivial view's requests/s: the mean of its runs at the start and at the end, so that a machine that
    grew busier or quieter in between (a shared one) moves every ratio less."""
    runs = [result.per_second for result in results if result.endpoint.path == TRIVIAL]
    return sum(runs) / len(runs)


# The report


def machine():
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    return f"{os.cpu_count()} cores ({model}), {memory_kb / 1024 / 1024:.1f} GB memory"


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def code_version():
    """The commit measured, and the tracked files changed beside it. gunicorn's workers read the code when they
    start, and restarted ones read it again: a tree that changes during the run gives figures of two versions."""

    def git(*words):
        return subprocess.run(["git", *words], cwd=ROOT, capture_output=True, text=True).stdout.rstrip("\n")

    commit = git("rev-parse", "--short", "HEAD") or "(not a git checkout)"
    changed = git("status", "--porcelain", "--untracked-files=no").splitlines()
    return commit + (f" with uncommitted changes to {', '.join(line[3:] for line in changed)}" if changed else "")


def versions():
    import django
    import gunicorn
    import psycopg
    from django.db import connection

    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split(" Copyright")[0]
    return (
        f"python {platform.python_version()}, django {django.get_version()}, gunicorn {gunicorn.__version__}, "
        f"psycopg {psycopg.__version__}, PostgreSQL {connection.cursor().connection.info.server_version}, {wrk}"
    )


def database_facts(database_url):
    from django.db import connection

    from classes.models import JobClass, Jurisdiction, SearchDocument, Version

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cursor.fetchone()[0]
    shown = re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", database_url)
    return (
        f"{shown}: {size}; {JobClass.objects.count()} classes ({JobClass.objects.current().count()} current, "
        f"{synthetic_classes()} synthetic), {Version.objects.count()} versions, "
        f"{Jurisdiction.objects.count()} jurisdictions, {SearchDocument.objects.count()} search documents"
    )


def table(results):
    width = max(len(r.endpoint.name) for r in results)
    lines = [
        f"{'endpoint':<{width}} {'done':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}"
        f" {'x trivial':>9} {'queries':>7} {'cold ms':>7} {'peak MB':>7}  target"
    ]
    for r in results:
        latencies = (r.p50_ms, r.p95_ms, r.p99_ms)
        # "-" where no request finished within the run
        latency = " ".join(f"{ms:>7.1f}" if r.requests else f"{'-':>7}" for ms in latencies)
        errors = sum(r.errors.values()) + sum(r.warm_up_failures.values())
        target = ""
        if r.endpoint.target:
            target = f"{r.endpoint.target}: {'met' if r.endpoint.target.met(r) else 'NOT met'}"
        lines.append(
            f"{r.endpoint.name:<{width}} {r.requests:>6} {r.per_second:>7.1f} {latency} {errors:>6} {r.ratio:>9.2f}"
            f" {f'{r.queries_cold}/{r.queries_warm}':>7} {r.cold_ms:>7.0f} {r.worker_peak_mb:>7.0f}  {target}"
        )
    return lines


def report(args, facts, results, server, done, load_before, code_before):
    from django.conf import settings

    peak_mb = max(server.peaks.values(), default=0) / 1024
    restarts = len(server.peaks) - args.workers
    trivial = [result.per_second for result in results if result.endpoint.path == TRIVIAL]
    code_after = code_version()
    warnings = []
    if code_after != code_before:
        warnings.append(f"WARNING: the code changed during the run ({code_before} -> {code_after}); figures mix both")
    if max(trivial) > 1.2 * min(trivial):
        warnings.append(
            "WARNING: the trivial view's runs differ by more than 20%: the machine's load changed during the run, "
            "and every ratio moved with it"
        )
    lines = [
        f"civilspec load benchmark, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"machine: {machine()}; load average {load_before} before, {load_average()} after",
        f"versions: {versions()}",
        f"code: {code_before}",
        f"database: {facts} ({'; '.join(done)})",
        f"gunicorn: {args.workers} sync workers (timeout 30 s, its default), DEBUG off, 127.0.0.1; CONN_MAX_AGE "
        f"{settings.DATABASES['default']['CONN_MAX_AGE']}, PAGE_CACHE_ENTRIES "
        f"{settings.CACHES['default']['OPTIONS']['MAX_ENTRIES']}, SEARCH_CACHE_ENTRIES "
        f"{settings.CACHES['searches']['OPTIONS']['MAX_ENTRIES']}",
        f"wrk: {args.threads} threads, {args.connections} connections, {args.seconds} s per endpoint, "
        f"timeout {args.timeout} s; one address per endpoint, after a warm-up of {4 * args.workers} requests "
        "(pages kept per edition and PDFs are served from what was kept)",
        "latency is wrk's, from sending a request to its last byte; with more connections than workers it "
        "includes waiting for a busy worker",
        "queries: SQL statements of one request in-process, first for the address (cold) / again (warm); "
        "cold ms is that first request's time in-process; peak MB: the largest worker VmHWM so far",
        f"x trivial: requests/s over the trivial view's, the mean of its runs at the start and at the end "
        f"({' and '.join(f'{run:.0f}' for run in trivial)} req/s)",
        *warnings,
        "",
        *table(results),
        "",
        f"worker peak memory (VmHWM, largest of {len(server.peaks)} worker processes): {peak_mb:.0f} MB;"
        f" target <= {MEMORY_TARGET_MB} MB: {'met' if peak_mb <= MEMORY_TARGET_MB else 'NOT met'}"
        + (f"; {restarts} worker(s) restarted during the run" if restarts > 0 else ""),
        "",
        "addresses:",
    ]
    for r in results:
        details = f"  {r.endpoint.name}: {r.endpoint.method} {r.endpoint.path}"
        if r.endpoint.note:
            details += f"  ({r.endpoint.note})"
        if r.errors:
            details += f"  errors: {r.errors}"
        if r.warm_up_failures:
            details += f"  warm-up failures: {r.warm_up_failures}"
        if r.worker_timeouts:
            details += f"  workers killed at gunicorn's timeout: {r.worker_timeouts}"
        lines.append(details)
    return "\n".join(lines) + "\n"


def save(text):
    RESULTS.mkdir(exist_ok=True)
    day = datetime.datetime.now(datetime.UTC).date().isoformat()
    path = RESULTS / f"load-{day}.txt"
    for letter in "bcdefghijklmnopqrstuvwxyz":  # a later run of the same day takes a letter, as import_specs'
        if not path.exists():
            break
        path = RESULTS / f"load-{day}{letter}.txt"
    command = " ".join(["bench/load.py", *sys.argv[1:]])
    path.write_text(f"# .venv/bin/python {command}\n{text}")
    return path


def main():
    args = parse_args()
    # A terminated run ends like an interrupted one: the finally clauses stop gunicorn (and a generation under way)
    # and remove the temporary folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Terminated; gunicorn stopped."))
    if shutil.which("wrk") is None:
        sys.exit(WRK_MISSING)
    if args.connections < args.threads:
        sys.exit("wrk needs at least as many connections as threads.")
    folder = Path(tempfile.mkdtemp(prefix="civilspec-load-"))
    try:
        env = production_environment(args.database_url, folder)
        set_up_django(env)
        done = prepare_database(args, env)
        facts = database_facts(args.database_url)
        print("Choosing addresses and counting queries ...", flush=True)
        endpoints = choose_endpoints(folder)
        queries = count_queries(endpoints)
        load_before, code_before = load_average(), code_version()
        with gunicorn(env, args.workers, folder) as server:
            results = load(server, endpoints, queries, args, folder)
        text = report(args, facts, results, server, done, load_before, code_before)
        print()
        print(text, end="")
        if args.save:
            print(f"saved to {save(text).relative_to(ROOT)}")
    except KeyboardInterrupt:
        sys.exit("Interrupted; gunicorn stopped.")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
