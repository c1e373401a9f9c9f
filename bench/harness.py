"""What the benchmarks share: the portal's production environment, Django in the benchmark's own process, manage.py,
gunicorn and its workers, the facts a report states about the run, and where reports are saved.

The scripts beside this one put the project on `sys.path` and import it as `bench.harness`. Django is set up only
when a script calls `set_up_django`, once it knows its database: what here needs Django imports it when called.
"""

import concurrent.futures
import contextlib
import datetime
import http.client
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
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TRIVIAL = "/health/"  # answers without the database: the reference every other endpoint is compared with
SEED = 1  # of the synthetic catalogue both benchmarks measure


# The portal's environment, and Django in this process


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
    """Django in this process, on the benchmark's database: to choose addresses, count queries and read results."""
    os.environ.update(env)
    import django
    from django.conf import settings

    django.setup()
    if settings.DEBUG or settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        sys.exit("The benchmarks run with DEBUG off on PostgreSQL: give a postgres:// database URL.")


def manage(env, *words, quiet=False):
    """manage.py in a process of its own, in the benchmark's environment; a failure stops the run."""
    words = [str(word) for word in words]
    print("  manage.py", " ".join(words), flush=True)
    output = subprocess.DEVNULL if quiet else None
    subprocess.run([sys.executable, "manage.py", *words], cwd=ROOT, env=env, check=True, stdout=output)


def generate_catalogue(env, classes, jurisdictions, quiet=False):
    """The synthetic catalogue (bench/synthetic/), the same for the same sizes in every run."""
    manage(
        env,
        "generate_catalogue",
        f"--classes={classes}",
        f"--jurisdictions={jurisdictions}",
        f"--seed={SEED}",
        quiet=quiet,
    )


@contextlib.contextmanager
def run_folder(prefix, stopped):
    """A new folder under /tmp for the run's files (logs, rendered PDFs …), removed however the run ends.

    A run terminated (SIGTERM) or interrupted (Ctrl-C) ends as an error would, so that the `finally` clauses of what
    it started (`stopped` names it in the message) stop it; a generation under way is stopped with its process."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(f"Terminated; {stopped} stopped."))
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield folder
    except KeyboardInterrupt:
        sys.exit(f"Interrupted; {stopped} stopped.")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


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


# The run's facts, and its report


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


def library_versions():
    import django
    import gunicorn
    import psycopg

    return (
        f"python {platform.python_version()}, django {django.get_version()}, gunicorn {gunicorn.__version__}, "
        f"psycopg {psycopg.__version__}"
    )


def save(text, name):
    """Write the report to results/<name>-YYYY-MM-DD.txt, a later one of the same day taking a letter (…-23b.txt),
    under the command that ran it; return its path."""
    RESULTS.mkdir(exist_ok=True)
    day = datetime.datetime.now(datetime.UTC).date().isoformat()
    path = RESULTS / f"{name}-{day}.txt"
    for letter in "bcdefghijklmnopqrstuvwxyz":
        if not path.exists():
            break
        path = RESULTS / f"{name}-{day}{letter}.txt"
    command = " ".join([f"bench/{Path(sys.argv[0]).name}", *sys.argv[1:]])
    path.write_text(f"# .venv/bin/python {command}\n{text}")
    return path
