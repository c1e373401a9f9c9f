"""The addresses the benchmarks ask for, read from the database deterministically, and each one's SQL queries.

Called once Django is set up in the benchmark's process (`harness.set_up_django`).
"""

import json
import sys
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass

SAMPLE_DOCUMENTS = 2000  # search documents read to find common and rare words
FORM = "application/x-www-form-urlencoded"


@dataclass
class Endpoint:
    name: str
    path: str
    method: str = "GET"
    body: bytes = b""
    content_type: str = ""
    target: object = None  # what load.py asks of it (a load.Target), if anything
    note: str = ""  # what was chosen, e.g. a search word and how many classes it matches
    asked_once: bool = False  # each request a new address (wrk_report.lua's WRK_NEW_ADDRESS): never a kept page


def class_path(job_class, rest=""):
    """A class's page, or an address under it (`versions/2/`, `check/` …)."""
    return f"/classes/{job_class.jurisdiction.slug}/{job_class.slug}/{rest}"


def filtered_list_path(jurisdiction):
    """The jurisdiction's classes that need at most a bachelor's degree."""
    return f"/classes/?jurisdiction={jurisdiction.slug}&education=bachelor"


def search_path(q):
    return "/classes/?" + urllib.parse.urlencode({"q": q})


# Choosing them


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
    """The jurisdiction with the most current classes (the first by key of those tied)."""
    from django.db.models import Count

    from classes.models import JobClass, Jurisdiction

    counts = JobClass.objects.current().values("jurisdiction").annotate(n=Count("pk")).order_by("-n", "jurisdiction")
    return Jurisdiction.objects.get(pk=counts[0]["jurisdiction"])


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


def synonym():
    """A phrase of search's thesaurus that no document holds, whose other names find classes: a reader using the
    everyday name of the work. Of those, the one whose other names find the most classes, the longest to list."""
    from classes.models import SearchPhrase
    from classes.search import backends, names

    backend = backends.for_database("default")
    found = {}
    for group in names.THESAURUS:
        for name in group:
            if backend.exists(name.split()):
                continue
            others = [names.phrase_key(other.split()) for other in group if other != name]
            found[name] = SearchPhrase.objects.filter(phrase__in=others).values("job_class_id").distinct().count()
    if not any(found.values()):
        sys.exit("No phrase of the thesaurus is missing from the documents while its synonyms find classes.")
    return max(found, key=lambda name: (found[name], name))


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
    from classes import search

    note = f"q={q!r}: {matches(q)} matches"
    reading = search.understand(q)
    if reading.corrected:
        note += f", read as {reading.text!r}"
    if reading.synonyms:
        note += f", widened by {', '.join(' '.join(words) for words in reading.synonyms)}"
    return note


def checker_endpoint(job_class):
    """A JSON profile for the class's check, naming what the class's own questions list (README "JSON")."""
    questions = client().get(class_path(job_class, "check/?format=json")).json()["questions"]
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
        class_path(job_class, "check/"),
        method="POST",
        body=json.dumps(profile).encode(),
        content_type="application/json",
        note="a bachelor's degree, 4.5 years of supervisory work",
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
