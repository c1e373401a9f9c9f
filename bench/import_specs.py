"""Benchmark of the spec importer: documents per second for a batch of 500 text documents.

Run from the project root:  .venv/bin/python bench/import_specs.py [--documents N]

It sets Django up with DEBUG off and a throw-away SQLite database in a new folder under /tmp (whatever
DATABASE_URL says is ignored, so no real database is touched), migrates it, and builds N text documents by
varying the five seed documents of tests/seeds/: each copy's title gets its own prefix ("District 007 …"),
so every document is a distinct class (the seeds print no class code). It then times, in this one process
(one core):

- parse only: the bytes read into lines and parsed into a spec, as `--dry-run` does;
- parse + store: the real importer (`import_documents`), each document written as a draft in its own
  transaction.

and prints documents per second for both and the total time. The folder under /tmp is removed at the end.
"""

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "seeds").glob("*.txt"))
TARGET = 50  # documents per second, parse + store, on one core (issue 5)


def set_up_django(folder):
    os.environ["DJANGO_SETTINGS_MODULE"] = "civilspec.settings"
    os.environ["DEBUG"] = "false"
    os.environ["SECRET_KEY"] = "benchmark-only-key-never-used-elsewhere"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["STATICFILES_BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    assert not settings.DEBUG and settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def documents(count):
    """`count` (name, bytes) pairs: the seeds in turn, each copy under a title of its own."""
    from classes.importing import parse_spec, read_document

    seeds = []
    for seed in SEEDS:
        raw = seed.read_bytes()
        document = parse_spec(read_document(seed.name, raw), source=seed.name)
        seeds.append((seed, raw.decode(), document.title))
    built = []
    for i in range(count):
        seed, text, title = seeds[i % len(seeds)]
        prefix = f"District {i // len(seeds) + 1:03d} "
        new_title = prefix + title
        if title.isupper():
            new_title = new_title.upper()
        varied = re.sub(rf"\b{re.escape(title)}\b", new_title, text)
        built.append((f"{i:03d}_{seed.name}", varied.encode()))
    return built


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500, help="how many documents (default 500)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="civilspec-bench-"))
    try:
        started = time.perf_counter()
        set_up_django(folder)
        run(args.documents, started)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(count, started):
    from classes.importing import ImportedFile, import_documents, parse_spec, read_document
    from classes.models import JobClass, Jurisdiction

    batch = documents(count)
    set_up = time.perf_counter() - started

    cpu, wall = time.process_time(), time.perf_counter()
    for name, raw in batch:
        parse_spec(read_document(name, raw), source=name)
    parse_cpu, parse_wall = time.process_time() - cpu, time.perf_counter() - wall

    jurisdiction = Jurisdiction.objects.create(name="Benchmark County", slug="benchmark-county")
    files = [ImportedFile(name=name, size=len(raw), read=lambda raw=raw: raw) for name, raw in batch]
    cpu, wall = time.process_time(), time.perf_counter()
    reports = import_documents(files, jurisdiction=jurisdiction)
    store_cpu, store_wall = time.process_time() - cpu, time.perf_counter() - wall

    failed = [r for r in reports if r.status != "imported"]
    classes = JobClass.objects.filter(jurisdiction=jurisdiction).count()
    if failed or classes != count:
        sys.exit(f"{len(failed)} documents not imported ({failed[:1]}); {classes} classes for {count} documents")

    import django

    print(f"civilspec importer benchmark: {count} text documents from {len(SEEDS)} seeds, one process")
    print(f"python {sys.version.split()[0]}, django {django.get_version()}, sqlite (throw-away), DEBUG off")
    print(f"parse only:    {count / parse_wall:8.1f} documents/s  ({parse_wall:.2f} s wall, {parse_cpu:.2f} s cpu)")
    print(f"parse + store: {count / store_wall:8.1f} documents/s  ({store_wall:.2f} s wall, {store_cpu:.2f} s cpu)")
    print(
        f"target:        {TARGET:8d} documents/s  parse + store: {'met' if count / store_wall >= TARGET else 'NOT met'}"
    )
    print(f"total time:    {time.perf_counter() - started:8.2f} s  (of which set-up and migrations {set_up:.2f} s)")


if __name__ == "__main__":
    main()
