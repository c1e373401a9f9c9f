"""Uploading to the admin's importer and reading a batch to its end, as the batch page does; documents written for
these tests."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from classes.models import ImportBatch

GROUNDS_KEEPER = """\
GROUNDS KEEPER
Class Code: 4410

DUTIES: A Grounds Keeper mows, trims and plants the grounds of county buildings.

Page 1 of 2

PHYSICAL DEMANDS
Lifts bags of up to fifty pounds.

MINIMUM QUALIFICATIONS: One year of experience in grounds maintenance.
"""

LIBRARY_PAGE = """\
LIBRARY PAGE
Class Code: 2051

DISTINGUISHING FEATURES OF THE CLASS: Shelves returned books and keeps the stacks in call-number order.

TYPICAL WORK ACTIVITIES:
Shelves returned books and magazines;
Reads shelves to find books out of order.

MINIMUM QUALIFICATIONS: Completion of the tenth grade.
"""

CUSTODIAN = """\
CUSTODIAN
Class Code: 6120

DISTINGUISHING FEATURES OF THE CLASS: Cleans and secures a county building at the end of the working day.

TYPICAL WORK ACTIVITIES:
Sweeps, mops and waxes floors;
Locks doors and sets the alarm.

MINIMUM QUALIFICATIONS: None.
"""


def spec_file(name, text):
    return SimpleUploadedFile(name, text.encode())


def upload(client, jurisdiction, *files, after_reading="review", **fields):
    """Posts the files as a new batch; returns the response (a redirect to the batch, once stored)."""
    data = {"jurisdiction": jurisdiction.pk, "after_reading": after_reading, "files": list(files), **fields}
    return client.post(reverse("import_specs"), data)


def uploaded_batch(client, jurisdiction, *files, **options):
    response = upload(client, jurisdiction, *files, **options)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportBatch.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))


def read_step(client, batch):
    """One "read next" as the page's script asks for it: the JSON answer."""
    response = client.post(reverse("import_read_next", args=[batch.pk]), HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    return response.json()


def read_to_the_end(client, batch):
    answers = [read_step(client, batch)]
    while not answers[-1]["finished"]:
        answers.append(read_step(client, batch))
    return answers
