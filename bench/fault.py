"""Load with a database fault: public pages and admin edits against gunicorn while PostgreSQL restarts mid-run.

Run from the project root:  .venv/bin/python bench/fault.py [--seconds 70] [--restart-at 30] [--immediate] [--save]

It needs PostgreSQL's programs (initdb, pg_ctl: /usr/lib/postgresql/<version>/bin) and, run as root, a `postgres`
user to run them as. In order, it:

1. starts a throw-away PostgreSQL instance of its own (initdb into a folder under /tmp; pg_ctl start on a free
   port of 127.0.0.1, its socket in that folder), never the machine's server, which others use; and builds the
   portal's database in it: migrate, the seed fixtures, a synthetic catalogue of `--classes` classes;
2. adds two HR analysts, each with a draft of a class of their own, and chooses the public addresses as
   load.py does, checking in-process that each answers 2xx;
3. starts gunicorn with production settings (2 sync workers) on a free port and, for `--seconds`, sends
   `--public` threads of mixed public requests while the two analysts, signed in through the admin's login
   form, save their drafts again and again through the change form, each save with a new bargaining unit;
4. at `--restart-at` seconds restarts PostgreSQL (`pg_ctl restart -m fast`; `--immediate` crashes it instead,
   `--down N` keeps it stopped N seconds), probing it meanwhile to know when it accepts connections again;
5. reads the database directly and checks that every save the admin acknowledged is there;
6. prints the report (`--save` writes it to bench/results/fault-YYYY-MM-DD.txt) and removes the instance, its
   folder and gunicorn, however the run ends.

Each request's start, end, answer (a status, or the exception the client met) and latency are kept. The targets
(issue 8): no error later than 5 s after PostgreSQL is back, and no acknowledged edit lost.
"""

import argparse
import contextlib
import csv
import datetime
import http.client
import http.cookies
import math
import os
import random
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project: its apps, bench's shared modules

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
    search_path,
    search_words,
)
from bench.harness import ROOT
from tests.forms import form_data  # reads a form as a browser submits it

DATABASE = "civilspec_fault"
FIXTURES = sorted((ROOT / "fixtures").glob("*.json"))
RECOVERY_TARGET_SECONDS = 5
LOGIN = "/admin/login/?next=/admin/"
CHANGELIST = "/admin/classes/version/"
# How often the public asks for each kind of page: the class pages most, the costly ones least.
MIX = {
    "home": 1,
    "list with filters": 2,
    "search: a common word": 1,
    "search: two common words": 1,
    "class page": 3,
    "version page": 2,
    "PDF": 1,
    "JSON": 1,
    "checker (JSON POST)": 1,
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=70, help="length of the traffic (default 70, at least 60)")
    parser.add_argument("--restart-at", type=float, default=30, help="seconds in, PostgreSQL restarts (default 30)")
    parser.add_argument(
        "--immediate", action="store_true", help="crash PostgreSQL (pg_ctl -m immediate) instead of a fast shutdown"
    )
    parser.add_argument("--down", type=float, default=0, help="seconds PostgreSQL stays stopped (default 0: restart)")
    parser.add_argument("--public", type=int, default=4, help="threads of public requests (default 4)")
    parser.add_argument("--pause", type=float, default=0.2, help="an analyst's pause between saves, s (default 0.2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--classes", type=int, default=2000, help="synthetic classes (default 2000)")
    parser.add_argument("--jurisdictions", type=int, default=20, help="synthetic jurisdictions (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="of the public threads' choices (default 1)")
    parser.add_argument("--save", action="store_true", help="write the report to bench/results/fault-<date>.txt")
    parser.add_argument(
        "--keep-logs", type=Path, help="a folder for gunicorn's and PostgreSQL's logs and every request (requests.csv)"
    )
    args = parser.parse_args()
    if args.seconds < 60 or not 5 <= args.restart_at <= args.seconds - 15:
        parser.error("--seconds is at least 60, and --restart-at leaves 5 s before it and 15 s after it")
    return args


# The throw-away PostgreSQL instance


@dataclass
class Instance:
    """A PostgreSQL server of this run alone: its data, socket and log in one folder, on a port of its own."""

    folder: Path
    port: int
    password: str  # of the portal's role, which connects over TCP as the application does
    programs: Path

    @property
    def data(self):
        return self.folder / "data"

    @property
    def log(self):
        return self.folder / "postgresql.log"

    @property
    def options(self):
        # The socket in the run's folder, not /var/run/postgresql, where the machine's server keeps its own.
        return f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"

    @property
    def url(self):
        return f"postgres://civilspec:{self.password}@127.0.0.1:{self.port}/{DATABASE}"

    def run(self, program, *words, check=True):
        # initdb refuses to run as root, and the server must own its data: as root, run them as `postgres`.
        as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        command = [*as_owner, str(self.programs / program), *words]
        done = subprocess.run(command, cwd=self.folder, capture_output=True, text=True)
        if check and done.returncode:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}{self.log_tail()}")
        return done

    def pg_ctl(self, action, *words, check=True):
        return self.run("pg_ctl", action, "-D", str(self.data), "-w", "-t", "120", *words, check=check)

    def start(self):
        self.pg_ctl("start", "-l", str(self.log), "-o", self.options)

    def as_superuser(self, dbname="postgres"):
        return psycopg.connect(host=str(self.folder), port=self.port, user="postgres", dbname=dbname, autocommit=True)

    def accepts(self):
        """Whether a new connection, over TCP as the portal's, is accepted and answers a query."""
        try:
            with psycopg.connect(self.url.replace("postgres://", "postgresql://"), connect_timeout=2) as probe:
                probe.execute("SELECT 1")
                return True
        except psycopg.Error:
            return False

    def log_tail(self):
        with contextlib.suppress(OSError):
            return "\n" + "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])
        return ""


def postgresql_programs():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: int(path.parts[-3]))
    if not found:
        sys.exit("PostgreSQL's programs are missing (no /usr/lib/postgresql/<version>/bin/initdb).")
    return found[-1].parent


@contextlib.contextmanager
def throw_away_instance(folder):
    """initdb and start; stopped however the run ends (its folder is removed by the caller)."""
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    folder.chmod(0o700)
    instance = Instance(folder, harness.free_port(), secrets.token_hex(16), postgresql_programs())
    print(f"Starting a throw-away PostgreSQL in {folder} on port {instance.port} ...", flush=True)
    instance.run(
        "initdb",
        *("-D", str(instance.data), "-U", "postgres", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"),
        # The socket sits in a folder only its owner (and root) may enter; TCP asks for the role's password.
        *("--auth-local=trust", "--auth-host=scram-sha-256"),
    )
    try:
        instance.start()
        with instance.as_superuser() as server:
            server.execute(sql.SQL("CREATE ROLE civilspec LOGIN PASSWORD {}").format(sql.Literal(instance.password)))
            server.execute(sql.SQL("CREATE DATABASE {} OWNER civilspec").format(sql.Identifier(DATABASE)))
        yield instance
    finally:
        instance.pg_ctl("stop", "-m", "immediate", check=False)


def build_database(env, args):
    print("Building the database ...", flush=True)
    harness.manage(env, "migrate", "--verbosity=0", quiet=True)
    harness.manage(env, "loaddata", *(path.relative_to(ROOT) for path in FIXTURES), "--verbosity=0", quiet=True)
    harness.manage(env, "update_search_index", quiet=True)
    started = time.monotonic()
    harness.generate_catalogue(env, args.classes, args.jurisdictions, quiet=True)
    return time.monotonic() - started


def settle_database(instance):
    """Leave the fresh database as a server in service would have it: vacuumed and analysed (see load.py), and
    checkpointed. Otherwise the restart's shutdown checkpoint (or, after a crash, the recovery) writes the whole
    catalogue just generated: seconds of disk that a server checkpointing every few minutes does not spend."""
    print("Vacuuming, analysing and checkpointing ...", flush=True)
    with instance.as_superuser(DATABASE) as database:
        database.execute("VACUUM (ANALYZE)")
        database.execute("CHECKPOINT")


# The analysts, their drafts, and the public addresses (Django in this process, before the traffic)


@dataclass
class Analyst:
    username: str
    password: str
    draft: int  # the key of the version the analyst edits
    draft_name: str
    first_value: str  # the draft's bargaining unit before the run


def analysts_with_drafts(count=2):
    """HR analysts (the role made by the migrations), each with a draft of a synthetic class of their own, so that
    their saves never meet: every refused save would then be a fault, not two analysts' race."""
    from django.contrib.auth.models import Group, User

    from bench.synthetic.plan import SLUG_PREFIX
    from classes import workflow
    from classes.models import JobClass

    role = Group.objects.get(name="HR analyst")
    candidates = JobClass.objects.current().filter(jurisdiction__slug__startswith=SLUG_PREFIX).order_by("pk")
    classes = candidates.iterator()
    analysts = []
    for letter in "abcdefgh"[:count]:
        username, password = f"analyst-{letter}", secrets.token_urlsafe(24)
        user = User.objects.create_user(
            username, password=password, is_staff=True, first_name="Analyst", last_name=letter.upper()
        )
        user.groups.add(role)
        for job_class in classes:
            try:
                draft = workflow.start_revision(job_class, by=user)
                break
            except workflow.WorkflowError:  # a class with a draft or proposal already: the next one
                continue
        else:
            sys.exit(f"Fewer than {count} synthetic classes could take a new draft.")
        analysts.append(Analyst(username, password, draft.pk, str(draft), draft.bargaining_unit))
    return analysts


def public_endpoints():
    """The public addresses, read from the database as load.py reads them."""
    chosen, versions = chosen_class()
    older, current = versions[0], versions[-1]
    words = search_words()
    checker = checker_endpoint(chosen)
    checker.name = "checker (JSON POST)"
    endpoints = [
        Endpoint("home", "/"),
        Endpoint("list with filters", filtered_list_path(largest_jurisdiction())),
        Endpoint("search: a common word", search_path(words["common"])),
        Endpoint("search: two common words", search_path(words["two common"])),
        Endpoint("class page", class_path(chosen)),
        Endpoint("version page", class_path(chosen, f"versions/{older}/")),
        Endpoint("PDF", class_path(chosen, f"versions/{current}/pdf/")),
        Endpoint("JSON", class_path(chosen, f"versions/{current}/json/")),
        checker,
    ]
    assert [endpoint.name for endpoint in endpoints] == list(MIX)
    count_queries(endpoints)  # stops the run unless each answers 2xx in-process
    return endpoints


# The traffic


@dataclass
class Answer:
    """One request: when it was sent and answered (seconds since the traffic began), and what came back."""

    kind: str
    started: float
    ended: float
    outcome: str  # the status, or the name of the exception the client met (refused, reset, cut short)
    ok: bool

    @property
    def latency_ms(self):
        return (self.ended - self.started) * 1000


@dataclass
class Edit:
    analyst: str
    value: str
    started: float
    ended: float = 0.0
    acknowledged: bool = False


@dataclass
class Run:
    """What the traffic threads record, and the clock they share."""

    deadline: float
    seconds: float = 0.0  # how long the traffic ran, its last answers included
    zero: float = field(default_factory=time.monotonic)
    answers: list = field(default_factory=list)  # list.append is atomic: the threads share these lists
    edits: list = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def now(self):
        return time.monotonic() - self.zero

    def going(self):
        return not self.stop.is_set() and self.now() < self.deadline

    def send(self, port, kind, method, path, body=None, headers=None, expected=None):
        """One request on a connection of its own (a sync worker closes each after its answer)."""
        started = self.now()
        status, response_headers, content = None, None, b""
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            status, response_headers, content = response.status, response.headers, response.read()
            ok = status in expected if expected else 200 <= status < 400
            outcome = str(status) if ok or not expected or status >= 400 else f"{status}, not {expected[0]}"
        except (OSError, http.client.HTTPException) as error:
            ok, outcome = False, type(error).__name__
        finally:
            connection.close()
        self.answers.append(Answer(kind, started, self.now(), outcome, ok))
        return status, response_headers, content


def public_traffic(run, port, endpoints, seed):
    chooser = random.Random(seed)
    weights = [MIX[endpoint.name] for endpoint in endpoints]
    while run.going():
        endpoint = chooser.choices(endpoints, weights)[0]
        headers = {"Content-Type": endpoint.content_type} if endpoint.content_type else {}
        run.send(port, endpoint.name, endpoint.method, endpoint.path, endpoint.body or None, headers)


class AdminBrowser:
    """An analyst's browser: it keeps the cookies the admin sets, Secure ones included (the run speaks plain HTTP
    to 127.0.0.1, as a proxy that ends TLS would), and signs in through the login form."""

    def __init__(self, run, port, analyst, pause):
        self.run, self.port, self.analyst, self.pause = run, port, analyst, pause
        self.cookies = {}
        self.sign_ins = 0

    def send(self, kind, method, path, form=None, expected=(200,)):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True).encode()
            headers["Content-Type"] = FORM
        status, response_headers, content = self.run.send(self.port, kind, method, path, body, headers, expected)
        set_cookies = (response_headers.get_all("Set-Cookie") if response_headers else None) or []
        for header in set_cookies:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return status, response_headers, content

    def sign_in(self):
        """With the right password, once per session: django-axes locks out a name that fails a few times."""
        status, _, page = self.send("admin: sign-in page", "GET", LOGIN)
        if status != 200:
            return False
        form = form_data(page.decode(), "login-form")
        form.update(username=[self.analyst.username], password=[self.analyst.password])
        status, headers, _ = self.send("admin: sign in", "POST", LOGIN, form, expected=(302,))
        self.sign_ins += 1
        return status == 302 and not headers["Location"].startswith("/admin/login/")


def edit_draft(browser):
    """Open the draft's change form and save it with a new bargaining unit, again and again; a save is acknowledged
    when the admin answers it with its redirect to the list of versions (what a browser follows to "was changed
    successfully")."""
    run, analyst = browser.run, browser.analyst
    change = f"/admin/classes/version/{analyst.draft}/change/"
    number = 0
    while run.going():
        status, headers, page = browser.send("admin: open the draft", "GET", change)
        if status == 302 and headers["Location"].startswith("/admin/login/"):
            if not browser.sign_in():  # the session was lost: sign in again, as a person would
                time.sleep(browser.pause)
            continue
        form = form_data(page.decode(), "version_form") if status == 200 else {}
        if "bargaining_unit" not in form:
            time.sleep(browser.pause)
            continue
        number += 1
        edit = Edit(analyst.username, f"Fault-run unit {analyst.username[-1].upper()}-{number:05d}", run.now())
        form["bargaining_unit"] = [edit.value]
        status, headers, _ = browser.send("admin: save the draft", "POST", change, form, expected=(302,))
        edit.ended = run.now()
        edit.acknowledged = status == 302 and urllib.parse.urlsplit(headers["Location"]).path == CHANGELIST
        run.edits.append(edit)
        time.sleep(browser.pause)


# The fault


@dataclass
class Outage:
    mode: str
    begun: float  # pg_ctl called
    down: float | None  # the first probe refused
    back: float  # the first probe accepted after one was refused (or once pg_ctl had restarted the server)
    probes: int


def restart(instance, args, run):
    """Restart PostgreSQL while probing it every 20 ms; returns when it accepts connections again."""
    mode = "immediate" if args.immediate else "fast"
    failure = []

    def stop_and_start():
        try:
            if args.down:
                instance.pg_ctl("stop", "-m", mode)
                time.sleep(args.down)
                instance.start()
            else:
                # restart keeps the options the server was started with (postmaster.opts)
                instance.pg_ctl("restart", "-m", mode, "-l", str(instance.log))
        except Exception as error:  # re-raised below, in the main thread
            failure.append(error)

    print(f"{run.now():5.1f} s: restarting PostgreSQL (pg_ctl -m {mode}) ...", flush=True)
    restarter = threading.Thread(target=stop_and_start, daemon=True)
    begun = run.now()
    restarter.start()
    down, back, probes = None, None, 0
    while True:
        restarted = not restarter.is_alive()
        if failure:
            raise failure[0]
        accepted = instance.accepts()
        now = run.now()
        probes += 1
        if not accepted:
            down, back = down or now, None
        elif back is None and (down is not None or restarted):
            # Back at the first probe accepted after a refused one: pg_ctl notices the server is ready only at its
            # next look, up to a tenth of a second later.
            back = now
        if accepted and restarted:
            break
        time.sleep(0.02)
    print(f"{back:5.1f} s: PostgreSQL accepts connections again", flush=True)
    return Outage(mode if not args.down else f"{mode}, stopped {args.down:g} s", begun, down, back, probes)


def traffic(instance, server, endpoints, analysts, args):
    port = int(server.base.rsplit(":", 1)[1])
    run = Run(deadline=args.seconds)
    browsers = [AdminBrowser(run, port, analyst, args.pause) for analyst in analysts]
    for browser in browsers:
        if not browser.sign_in():
            sys.exit(f"{browser.analyst.username} could not sign in to the admin before the run.")
    run.answers.clear()  # the traffic is measured from here
    run.zero = time.monotonic()
    threads = [
        threading.Thread(target=public_traffic, args=(run, port, endpoints, args.seed + i), daemon=True)
        for i in range(args.public)
    ] + [threading.Thread(target=edit_draft, args=(browser,), daemon=True) for browser in browsers]
    try:
        for thread in threads:
            thread.start()
        time.sleep(max(0.0, args.restart_at - run.now()))
        outage = restart(instance, args, run)
        time.sleep(max(0.0, args.seconds - run.now()))
        for thread in threads:
            thread.join()  # each ends with the request it has under way
        run.seconds = run.now()
    finally:
        run.stop.set()
    return run, outage, sum(browser.sign_ins for browser in browsers) - len(browsers)


# After the run


@dataclass
class DraftCheck:
    analyst: Analyst
    acknowledged: list
    unacknowledged: list
    stored: str
    in_history: dict  # bargaining unit: history rows holding it

    @property
    def stored_as_expected(self):
        """The last acknowledged value, or one sent after it whose answer was lost (its save may have committed)."""
        last = max(self.acknowledged, key=lambda edit: edit.started, default=None)
        later = [edit.value for edit in self.unacknowledged if last is None or edit.started > last.started]
        return self.stored in ([last.value] if last else [self.analyst.first_value]) + later

    @property
    def missing_from_history(self):
        return [edit.value for edit in self.acknowledged if not self.in_history.get(edit.value)]

    @property
    def lost(self):
        return len(self.missing_from_history) + (0 if self.stored_as_expected else 1)


def check_edits(instance, analysts, edits):
    """Read each draft and its audit trail (simple-history's rows) straight from the database."""
    checks = []
    with instance.as_superuser(DATABASE) as database:
        for analyst in analysts:
            stored = database.execute(
                "SELECT bargaining_unit FROM classes_version WHERE id = %s", [analyst.draft]
            ).fetchone()[0]
            rows = database.execute(
                "SELECT bargaining_unit, count(*) FROM classes_historicalversion WHERE id = %s GROUP BY 1",
                [analyst.draft],
            ).fetchall()
            own = [edit for edit in edits if edit.analyst == analyst.username]
            checks.append(
                DraftCheck(
                    analyst,
                    [edit for edit in own if edit.acknowledged],
                    [edit for edit in own if not edit.acknowledged],
                    stored,
                    dict(rows),
                )
            )
    return checks


def database_facts(instance):
    with instance.as_superuser(DATABASE) as database:
        classes, versions = database.execute(
            "SELECT (SELECT count(*) FROM classes_jobclass), (SELECT count(*) FROM classes_version)"
        ).fetchone()
        size = database.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()[0]
        server_version = database.info.server_version
    return f"{classes} classes, {versions} versions, {size}", server_version


def server_log_facts(server):
    """What gunicorn's log says the workers met: exceptions by kind (the last line of each traceback), requests
    answered 503 by the database middleware, workers killed at gunicorn's timeout."""
    text = server.log.read_text(errors="replace")
    exceptions = Counter(re.findall(r"^((?:\w+\.)*\w*(?:Error|Exception)): ", text, flags=re.MULTILINE))
    unavailable = Counter(re.findall(r"Database unavailable, answered 503: \S+ \S+: (\w+)", text))
    return exceptions, unavailable, server.worker_timeouts()


# The report


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)] if ordered else 0.0


def tally(answers):
    counts = Counter(answer.outcome for answer in answers)
    return ", ".join(f"{outcome} x{n}" for outcome, n in counts.most_common()) or "none"


def requests_table(answers):
    kinds = list(dict.fromkeys(answer.kind for answer in sorted(answers, key=lambda a: a.kind)))
    lines = [f"{'kind':<28} {'done':>6} {'ok':>6} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7}  errors by answer"]
    for kind in [*kinds, "all"]:
        chosen = [a for a in answers if kind in ("all", a.kind)]
        latencies = [a.latency_ms for a in chosen]
        failed = [a for a in chosen if not a.ok]
        lines.append(
            f"{kind:<28} {len(chosen):>6} {len(chosen) - len(failed):>6} {len(failed):>6}"
            f" {percentile(latencies, 0.5):>7.0f} {percentile(latencies, 0.95):>7.0f}  {tally(failed) if failed else ''}"
        )
    return lines


def timeline(answers, outage, before=3, after=8):
    """Answers per second around the outage, by the second they arrived in."""
    first, last = math.floor(outage.begun) - before, math.ceil(outage.back) + after
    lines = [f"{'second':>6} {'ok':>5} {'errors':>6}  errors by answer"]
    for second in range(first, last):
        arrived = [a for a in answers if second <= a.ended < second + 1]
        failed = [a for a in arrived if not a.ok]
        marks = []
        if second <= outage.begun < second + 1:
            marks.append(f"restart begun at {outage.begun:.2f}")
        if second <= outage.back < second + 1:
            marks.append(f"accepting again at {outage.back:.2f}")
        lines.append(
            f"{second:>6} {len(arrived) - len(failed):>5} {len(failed):>6}  {tally(failed) if failed else ''}"
            + (f"  <- {'; '.join(marks)}" if marks else "")
        )
    return lines


def report(args, run, outage, checks, extra_sign_ins, facts):
    answers, back = run.answers, outage.back
    failed = [a for a in answers if not a.ok]
    before = [a for a in failed if a.ended < outage.begun]
    during = [a for a in failed if outage.begun <= a.ended <= back]
    after = [a for a in failed if a.ended > back]
    late = [a for a in after if a.ended > back + RECOVERY_TARGET_SECONDS]
    last_error = max((a.ended for a in failed), default=None)
    since_outage = [a for a in answers if a.started >= outage.begun and a.ended >= back]
    first_ok = min((a.ended for a in since_outage if a.ok), default=None)
    first_save = min(
        (edit.ended for check in checks for edit in check.acknowledged if edit.started >= outage.begun), default=None
    )
    acknowledged = sum(len(check.acknowledged) for check in checks)
    in_history = sum(len(check.acknowledged) - len(check.missing_from_history) for check in checks)
    history_rows = sum(check.in_history.get(edit.value, 0) for check in checks for edit in check.acknowledged)
    lost = sum(check.lost for check in checks)
    exceptions, unavailable, timeouts = facts["server log"]

    def relative(moment):
        return "-" if moment is None else f"{moment - back:+.2f} s"

    lines = [
        f"civilspec load with a database fault, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"machine: {harness.machine()}; load average {facts['load before']} before, {harness.load_average()} after",
        f"versions: {facts['versions']}, PostgreSQL {facts['server version']}",
        f"code: {facts['code']}",
        f"database: a throw-away PostgreSQL instance of this run (initdb, 127.0.0.1, a free port; removed at the end):"
        f" seeds and generate_catalogue --classes {args.classes} --jurisdictions {args.jurisdictions} --seed {harness.SEED}"
        f" ({facts['generated']:.0f} s): {facts['database']}",
        f"gunicorn: {args.workers} sync workers (timeout 30 s, its default), DEBUG off; {facts['settings']}",
        f"traffic: {args.public} threads of public requests, one after another without pause (weights "
        + ", ".join(f"{kind} {weight}" for kind, weight in MIX.items())
        + f"); 2 HR analysts, signed in through the admin's login form, each opening the change form of a draft of "
        f"their own and saving it with a new bargaining unit, {args.pause:g} s apart",
        f"run: {run.seconds:.1f} s of traffic; {len(answers)} requests answered, {len(answers) - len(failed)} of them "
        f"2xx/3xx (admin: the answer expected), {len(answers) / run.seconds:.1f} requests/s",
        *facts["warnings"],
        "",
        f"fault at {outage.begun:.2f} s: pg_ctl -m {outage.mode}; first connection refused "
        f"{'-' if outage.down is None else f'{outage.down - outage.begun:+.2f} s'} after; accepting connections "
        f"again at {back:.2f} s: an outage of {back - outage.begun:.2f} s (probed every 20 ms, {outage.probes} probes)",
        "",
        *requests_table(answers),
        "",
        "errors (anything not 2xx/3xx, or not the admin's expected answer), by when the answer arrived:",
        f"  before the restart:                   {len(before):>4}  {tally(before)}",
        f"  during the outage (restart -> back):  {len(during):>4}  {tally(during)}",
        f"  after PostgreSQL was back:            {len(after):>4}  {tally(after)}",
        f"  of which later than {RECOVERY_TARGET_SECONDS} s after:          {len(late):>4}  {tally(late)}",
        f"recovery, from PostgreSQL back: last error {relative(last_error)}; first success of a request sent since the "
        f"restart {relative(first_ok)}; first acknowledged admin save sent since the restart {relative(first_save)}",
        f"server log: exceptions {dict(exceptions) or 'none'}; answered 503 by the database middleware "
        f"{sum(unavailable.values())} ({dict(unavailable) or 'none'}); workers killed at gunicorn's timeout {timeouts}",
        "",
        *timeline(answers, outage),
        "",
        f"edits: {acknowledged} saves acknowledged, {in_history} of them found in the audit trail "
        f"({history_rows} simple-history rows hold their values); sign-ins again during the run: {extra_sign_ins}",
    ]
    for check in checks:
        last = max(check.acknowledged, key=lambda edit: edit.started, default=None)
        committed = sum(1 for edit in check.unacknowledged if check.in_history.get(edit.value))
        lines.append(
            f"  {check.analyst.username}, {check.analyst.draft_name}: {len(check.acknowledged)} acknowledged, "
            f"{len(check.unacknowledged)} not ({committed} of those committed all the same); stored "
            f"{check.stored!r}, last acknowledged {last.value if last else '-'!r}: "
            + ("as expected" if check.stored_as_expected else "NOT as expected")
            + (f"; missing from the audit trail: {check.missing_from_history}" if check.missing_from_history else "")
        )
    lines += [
        "",
        f"target: no error later than {RECOVERY_TARGET_SECONDS} s after PostgreSQL is back: "
        + ("met" if not late else f"NOT met ({len(late)}, the last {relative(last_error)})"),
        "target: no acknowledged edit lost: " + ("met" if not lost else f"NOT met ({lost} lost)"),
        "",
        "addresses:",
        *(f"  {kind}: {method} {path}" for kind, method, path in facts["addresses"]),
    ]
    return "\n".join(lines) + "\n"


def settings_facts():
    from django.conf import settings

    database = settings.DATABASES["default"]
    return (
        f"CONN_MAX_AGE {database['CONN_MAX_AGE']}, CONN_HEALTH_CHECKS {database['CONN_HEALTH_CHECKS']}, "
        f"OPTIONS {database.get('OPTIONS') or {}}, database middleware "
        + ("on" if "civilspec.middleware.DatabaseUnavailableMiddleware" in settings.MIDDLEWARE else "off")
    )


def keep_logs(folder, logs, answers):
    """gunicorn's and PostgreSQL's logs, and every request of the run (requests.csv)."""
    folder.mkdir(parents=True, exist_ok=True)
    for log in logs:
        shutil.copy(log, folder / log.name)
    with (folder / "requests.csv").open("w", newline="") as output:
        writer = csv.writer(output)
        writer.writerow(["kind", "started_s", "ended_s", "latency_ms", "answer", "ok"])
        for a in sorted(answers, key=lambda answer: answer.started):
            writer.writerow([a.kind, f"{a.started:.3f}", f"{a.ended:.3f}", f"{a.latency_ms:.0f}", a.outcome, a.ok])


def main():
    args = parse_args()
    with harness.run_folder("civilspec-fault-", "gunicorn and PostgreSQL") as folder:
        with throw_away_instance(folder) as instance:
            env = harness.production_environment(instance.url, folder)
            generated = build_database(env, args)
            settle_database(instance)
            harness.set_up_django(env)
            from django.db import connections

            analysts = analysts_with_drafts()
            print("Choosing addresses ...", flush=True)
            endpoints = public_endpoints()
            connections.close_all()  # this process stays off the database from here: only the traffic meets the fault
            facts = {
                "load before": harness.load_average(),
                "code": harness.code_version(),
                "versions": harness.library_versions(),
                "settings": settings_facts(),
                "generated": generated,
                "addresses": [(e.name, e.method, e.path) for e in endpoints]
                + [
                    (f"admin: {a.username}'s draft", "GET, POST", f"/admin/classes/version/{a.draft}/change/")
                    for a in analysts
                ],
            }
            with harness.gunicorn(env, args.workers, folder) as server:
                for endpoint in endpoints:
                    if failures := harness.warm_up(server, endpoint, args.workers):
                        sys.exit(f"{endpoint.name} failed to warm up: {failures}\n{server.log.read_text()[-3000:]}")
                print(f"Traffic for {args.seconds:g} s, PostgreSQL restarted at {args.restart_at:g} s ...", flush=True)
                run, outage, extra_sign_ins = traffic(instance, server, endpoints, analysts, args)
            facts["server log"] = server_log_facts(server)
            checks = check_edits(instance, analysts, run.edits)
            facts["database"], facts["server version"] = database_facts(instance)
            code_after = harness.code_version()
            facts["warnings"] = (
                [f"WARNING: the code changed during the run ({facts['code']} -> {code_after})"]
                if code_after != facts["code"]
                else []
            )
            text = report(args, run, outage, checks, extra_sign_ins, facts)
            if args.keep_logs:
                keep_logs(args.keep_logs, [server.log, instance.log], run.answers)
        print()
        print(text, end="")
        if args.save:
            print(f"saved to {harness.save(text, 'fault').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
