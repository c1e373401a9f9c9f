"""Benchmark of the admin's importer: a batch of hundreds of documents, uploaded and read in steps, request by request.

Run from the project root:  .venv/bin/python bench/import_batch.py [--documents N] [--corpus DIR] [--save]

It sets Django up as bench/import_specs.py does (DEBUG off, a throw-away SQLite database under /tmp; DATABASE_URL is
ignored), signs a superuser in with Django's test client, and drives the pages as an analyst's browser does: the
files uploaded 20 at a time (the limit of one upload), then "read next" asked for with the JSON the page's script
asks for, until the batch is read. Documents are the seeds varied (as import_specs.py builds them) or, with
--corpus, the .txt, .html, .docx and .pdf files of a folder (the shared corpora), the first N in name order. With
--save, each document is saved as a draft as it is read (the heaviest request).

It prints how many requests each step took and the longest and median time of one; the target is that no request
comes near the 30 seconds after which gunicorn stops a worker: every one under 25 s. The folder under /tmp is
removed at the end.
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
sys.path.insert(0, str(ROOT))

from bench.import_specs import documents, set_up_django  # noqa: E402

TARGET_SECONDS = 25  # the longest request, well inside gunicorn's 30 s
UPLOAD_FILES = 20
FORMATS = {".txt", ".html", ".htm", ".docx", ".pdf"}


def corpus(folder, count):
    files = sorted(path for path in Path(folder).iterdir() if path.suffix.lower() in FORMATS)[:count]
    return [(path.name, path.read_bytes()) for path in files]


def timed(call):
    started = time.perf_counter()
    response = call()
    return response, time.perf_counter() - started


def run(named, after_reading, started):
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from classes.models import ImportBatch, Jurisdiction, Version

    jurisdiction = Jurisdiction.objects.create(name="Benchmark County", slug="benchmark-county")
    client = Client()
    client.force_login(User.objects.create_superuser("bench", password="bench-only"))
    set_up = time.perf_counter() - started

    uploads, batch = [], None
    for first in range(0, len(named), UPLOAD_FILES):
        files = [SimpleUploadedFile(name, raw) for name, raw in named[first : first + UPLOAD_FILES]]
        if batch is None:
            data = {"jurisdiction": jurisdiction.pk, "after_reading": after_reading, "files": files}
            response, seconds = timed(lambda data=data: client.post(reverse("import_specs"), data))
            assert response.status_code == 302, (response.status_code, response.content[:300])
            batch = ImportBatch.objects.get()
        else:
            address = reverse("import_add_files", args=[batch.pk])
            response, seconds = timed(lambda files=files, address=address: client.post(address, {"files": files}))
        assert response.status_code == 302, response.content[:500]
        uploads.append(seconds)

    reads, answer = [], {"finished": False}
    address = reverse("import_read_next", args=[batch.pk])
    while not answer["finished"]:
        response, seconds = timed(lambda: client.post(address, HTTP_ACCEPT="application/json"))
        answer = response.json()
        reads.append(seconds)

    progress = batch.progress()
    longest = max(uploads + reads)
    import django

    print(f"civilspec admin importer benchmark: {len(named)} documents, one process, Django's test client")
    print(f"python {sys.version.split()[0]}, django {django.get_version()}, sqlite (throw-away), DEBUG off")
    print(f"once read:     {after_reading}")
    print(f"outcome:       {progress} ({progress.review} waiting for review, {progress.saved} saved)")
    print(f"drafts:        {Version.objects.count()}")
    print(
        f"uploads:       {len(uploads):4d} requests, longest {max(uploads):6.2f} s, median {statistics.median(uploads):6.2f} s"
    )
    print(
        f"read next:     {len(reads):4d} requests, longest {max(reads):6.2f} s, median {statistics.median(reads):6.2f} s"
    )
    print(f"target:        every request under {TARGET_SECONDS} s: {'met' if longest < TARGET_SECONDS else 'NOT met'}")
    print(f"total time:    {time.perf_counter() - started:8.2f} s  (of which set-up and migrations {set_up:.2f} s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=400, help="how many documents (default 400)")
    parser.add_argument("--corpus", help="a folder of documents to read instead of the varied seeds")
    parser.add_argument("--save", action="store_true", help="save each document as a draft as it is read")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="civilspec-bench-"))
    try:
        started = time.perf_counter()
        os.environ["ALLOWED_HOSTS"] = "testserver"  # Django's test client, which speaks plain HTTP
        os.environ["SECURE_SSL_REDIRECT"] = "false"
        set_up_django(folder)
        named = corpus(args.corpus, args.documents) if args.corpus else documents(args.documents)
        run(named, "save" if args.save else "review", started)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
