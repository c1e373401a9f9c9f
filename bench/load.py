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
import contextlib
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project: its apps, and bench's shared modules

from bench import harness
from bench.addresses import (
    FORM,
    Endpoint,
    checker_endpoint,
    chosen_class,
    class_path,
    count_queries,
    filtered_list_path,
    largest_jurisdiction,
    matches,
    search_note,
    search_path,
    search_words,
    synonym,
)
from bench.harness import ROOT, TRIVIAL

WRK_SCRIPT = ROOT / "bench" / "wrk_report.lua"
DEFAULT_DATABASE_URL = "postgres://civilspec:civilspec@127.0.0.1:5432/civilspec_bench"
WRK_MISSING = "wrk is missing. Install it with: apt-get install -y wrk"
MEMORY_TARGET_MB = 200


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
        if writing := writers_elsewhere():
            sys.exit(
                "Another session is writing to this database (pid, transaction start: "
                f"{', '.join(f'{pid} {start:%H:%M:%S}' for pid, start in writing)}), a generation under way perhaps; "
                "run the benchmark again once it has finished."
            )
        print("Generating ...", flush=True)
        harness.generate_catalogue(env, args.classes, args.jurisdictions)
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
    from bench.synthetic.plan import SLUG_PREFIX
    from classes.models import JobClass

    return JobClass.objects.filter(jurisdiction__slug__startswith=SLUG_PREFIX).count()


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
    chosen, versions = chosen_class()
    older, newer, current = versions[0], versions[1], versions[-1]
    largest = largest_jurisdiction()
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
        ("search: a misspelling", typo, Target(p95_ms=100), uncorrected_note),
        ("search: a synonym", synonym(), Target(p95_ms=60), ""),
    ]
    return [
        Endpoint("trivial view", TRIVIAL, note="answers without the database"),
        Endpoint("home", "/"),
        Endpoint("class page", class_path(chosen), target=Target(ratio=0.6), note=class_note),
        Endpoint("older version page", class_path(chosen, f"versions/{older}/")),
        Endpoint(
            "list with filters",
            filtered_list_path(largest),
            target=Target(ratio=0.3),
            note=f"the largest jurisdiction, {largest.name}: {matches('', jurisdiction=largest)} current classes",
        ),
        *(
            Endpoint(name, search_path(q), target=target, note=search_note(q) + more)
            for name, q, target, more in search
        ),
        # Search pages are kept per edition as lists are: what the first reader of each waits for, measured apart.
        *(
            Endpoint(
                f"{name}, asked once",
                search_path(q),
                target=target,
                note="each request a new address, never a kept page",
                asked_once=True,
            )
            for name, q, target, _ in search
            if target
        ),
        Endpoint("comparison", class_path(chosen, f"compare/?from={older}&to={newer}")),
        Endpoint("PDF, second download", class_path(chosen, f"versions/{current}/pdf/"), target=Target(ratio=0.8)),
        checker_endpoint(chosen),
        qualify_endpoint(),
        Endpoint("CSV export", "/data/classes.csv", note="the whole catalogue"),
        Endpoint("trivial view, again", TRIVIAL, note="the machine's drift over the run"),
    ]


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


# gunicorn


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
        failures = harness.warm_up(server, endpoint, args.workers)
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


def versions():
    from django.db import connection

    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split(" Copyright")[0]
    server = connection.cursor().connection.info.server_version
    return f"{harness.library_versions()}, PostgreSQL {server}, {wrk}"


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
    code_after = harness.code_version()
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
        f"machine: {harness.machine()}; load average {load_before} before, {harness.load_average()} after",
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


def main():
    args = parse_args()
    if shutil.which("wrk") is None:
        sys.exit(WRK_MISSING)
    if args.connections < args.threads:
        sys.exit("wrk needs at least as many connections as threads.")
    with harness.run_folder("civilspec-load-", "gunicorn") as folder:
        env = harness.production_environment(args.database_url, folder)
        harness.set_up_django(env)
        done = prepare_database(args, env)
        facts = database_facts(args.database_url)
        print("Choosing addresses and counting queries ...", flush=True)
        endpoints = choose_endpoints(folder)
        queries = count_queries(endpoints)
        load_before, code_before = harness.load_average(), harness.code_version()
        with harness.gunicorn(env, args.workers, folder) as server:
            results = load(server, endpoints, queries, args, folder)
        text = report(args, facts, results, server, done, load_before, code_before)
        print()
        print(text, end="")
        if args.save:
            print(f"saved to {harness.save(text, 'load').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
