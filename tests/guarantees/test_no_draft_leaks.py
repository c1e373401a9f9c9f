"""No draft leaks anywhere: every text of a draft, proposal or returned version holds a marker word, and no public
address (page, search, filter, document, export, sitemap, 404) ever shows it; a non-public version's number is a 404.

Every public route of the URL resolver must be covered by `ROUTES` below: a new route fails
`test_every_public_route_is_covered` until its addresses are added here.
"""

import csv
import datetime
import io
import json
import re
import subprocess
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import quote_plus, urlencode

import pytest
from django.db import connection, models
from django.test import Client
from django.urls import URLResolver, get_resolver

from classes import search, sitemaps, workflow
from classes.importing.batch import ImportedFile, import_documents
from classes.models import (
    KSA,
    ClassSeries,
    Competency,
    Department,
    Duty,
    JobClass,
    Jurisdiction,
    Meeting,
    OtherSection,
    SpecialRequirement,
    Version,
)
from classes.search import postgresql
from qualifications.models import Definition, Path, Substitution, TimeInTitle
from tests.conftest import publish

pytestmark = pytest.mark.django_db

MARKER = "xylophrax"  # in lower case in every stored text of a non-public version, found nowhere else
MARKED = re.compile(MARKER + r"\w*", re.IGNORECASE)
# Searches type the marker in capitals, so the query the list page repeats back is told apart from a leak.
SEARCHES = ["XYLOPHRAX", "XYLOPH", "XYLOFRAX", "XYLOPHRAKS", "XYLOPHRAXDUTYTEXT", "LEDGER XYLOPHRAX", "LEDGER"]


@dataclass
class Request:
    path: str
    status: int | None = 200  # None: any status; the body is checked all the same
    method: str = "get"
    data: dict | str | None = None
    content_type: str | None = None
    echoes: tuple = ()  # what the page repeats back from the request (a search box), not a leak


@dataclass
class Catalogue:
    """The classes built below, their public version numbers and every number held, and the dates involved."""

    classes: dict  # name: JobClass
    public_numbers: dict  # name: set of public version numbers
    highest: dict  # name: highest version number held
    public_dates: list
    private_dates: list  # meeting dates of proposals, where nothing public was adopted
    ids: dict = field(default_factory=dict)  # draft-only department and series ids

    def base(self, name):
        job_class = self.classes[name]
        return f"/classes/{job_class.jurisdiction.slug}/{job_class.slug}/"

    def numbers(self, name):
        """Every number a guesser might try: those held, and two past the highest."""
        return range(1, self.highest[name] + 3)


# Building the catalogue


def marked(tag, name, max_length=None):
    """A marked text for a field: a word the public text shares, then the marker and where it was put."""
    word = f"{MARKER}{tag}{name.replace('_', '')}"
    text = f"ledger {word}"
    return text if max_length is None or len(text) <= max_length else word[:max_length]


def marked_fields(model, tag, **given):
    """`given`, with every free-text field of `model` not given holding a marked text."""
    values = {}
    for model_field in model._meta.concrete_fields:
        free_text = isinstance(model_field, (models.CharField, models.TextField)) and not model_field.choices
        if not free_text or isinstance(model_field, models.SlugField) or model_field.name in given:
            continue
        if model_field.max_length is None or model_field.max_length >= len(MARKER) + 1:
            values[model_field.name] = marked(tag, model_field.name, model_field.max_length)
    return {**values, **given}


def draft(job_class, number, tag, *, department=None, links=()):
    """A draft whose every text, part and structured word holds the marker, with facts no public text states."""
    version = Version.objects.create(
        **marked_fields(
            Version,
            tag,
            job_class=job_class,
            number=number,
            status="draft",
            jurisdictional_class="labor",
            flsa_status="non_exempt",
            department=department,
        )
    )
    for model, given in [
        (Duty, {}),
        (KSA, {"kind": "knowledge"}),
        (Competency, {}),
        (SpecialRequirement, {"kind": "residency"}),
        (Substitution, {"kind": "education_for_experience", "years_per_year": Decimal(1)}),
        (Definition, {}),
    ]:
        model.objects.create(**marked_fields(model, tag, version=version, position=1, **given))
    for position, placement in enumerate(["after_duties", "end"], start=1):
        OtherSection.objects.create(
            **marked_fields(OtherSection, tag, version=version, position=position, placement=placement)
        )
    # No education and no experience stated: any profile, and the lowest education filter, would match it.
    Path.objects.create(**marked_fields(Path, tag, version=version, position=1, kind="open_competitive"))
    promotional = Path.objects.create(**marked_fields(Path, tag, version=version, position=2, kind="promotional"))
    for position, linked in enumerate(links, start=1):
        TimeInTitle.objects.create(
            **marked_fields(TimeInTitle, tag, path=promotional, position=position, years=1, job_class=linked)
        )
    return version


def adopted(job_class, number, adopted_on, *, status="adopted", department=None, promotes_from=()):
    """A public text in plain words, with an open-competitive path and, where given, promotion from other classes."""
    version = Version.objects.create(
        job_class=job_class,
        number=number,
        status="draft",
        title=job_class.title,
        code=job_class.code,
        jurisdictional_class="competitive",
        department=department,
        distinguishing_features="Keeps the ledger of accounts.",
        adoption_line=f"Adopted {adopted_on:%m/%d/%Y}",
    )
    version.duties.create(position=1, text="Posts entries to the ledger;")
    version.ksas.create(position=1, text="Good knowledge of bookkeeping.", kind="knowledge", level="good")
    Path.objects.create(
        version=version,
        position=1,
        label="A)",
        text="Bachelor's degree and two years of bookkeeping experience.",
        education_level="bachelor",
        experience_years=Decimal(2),
    )
    if promotes_from:
        path = Path.objects.create(
            version=version, position=2, kind="promotional", label="1.", text="One year in a title below."
        )
        for position, (title, linked) in enumerate(promotes_from, start=1):
            TimeInTitle.objects.create(path=path, position=position, title=title, years=1, job_class=linked)
    return publish(version, status=status, adopted_on=adopted_on, adoption_reference="CSM")


@pytest.fixture
def catalogue(db):
    county = Jurisdiction.objects.create(name="Leak County", slug="leak-county", kind="county")
    elsewhere = Jurisdiction.objects.create(name="Other County", slug="other-county", kind="county")
    finance = Department.objects.create(jurisdiction=county, name="Department of Finance")
    # Named only by drafts: a new department a draft names, and the series of a class that has only a draft.
    draft_department = Department.objects.create(jurisdiction=county, name=f"Department of {MARKER}department")
    draft_series = ClassSeries.objects.create(jurisdiction=county, name=f"{MARKER}series", slug=f"{MARKER}series")

    def new_class(title, jurisdiction=county, **fields):
        slug = fields.pop("slug", title.lower().replace(" ", "-"))
        return JobClass.objects.create(jurisdiction=jurisdiction, title=title, slug=slug, **fields)

    account = new_class("Account Clerk")
    caseworker = new_class("Caseworker")
    data_clerk = new_class("Data Clerk")
    inspector = new_class("Elevator Inspector")
    other = new_class("Account Clerk", jurisdiction=elsewhere)
    # A new class's title, code and slug are typed for its first draft: they are the draft's words too.
    budget = new_class(
        f"{MARKER}classtitle Budget Analyst",
        slug=f"{MARKER}class-budget-analyst",
        code=f"{MARKER}code",
        series=draft_series,
        series_level=1,
    )
    elsewhere_draft = new_class(f"Account Clerk {MARKER}elsewhere", jurisdiction=elsewhere, slug=f"{MARKER}elsewhere")

    # Account Clerk: a superseded text, the text in force (promotion from the draft-only class), a newer draft.
    adopted(account, 1, datetime.date(2001, 1, 10), status="superseded", department=finance)
    adopted(account, 2, datetime.date(2010, 6, 9), department=finance, promotes_from=[("Budget Analyst", budget)])
    draft(account, 3, "a3", department=draft_department, links=[caseworker])
    # Caseworker: adopted, and a proposal before the commission's next meeting.
    adopted(caseworker, 1, datetime.date(2012, 3, 14))
    meeting = Meeting.objects.create(
        jurisdiction=county,
        date=datetime.date(2024, 5, 15),
        minutes_reference=marked("m", "minutes"),
        notes=marked("m", "notes"),
    )
    workflow.propose(draft(caseworker, 2, "c2"), by=None, meeting=meeting)
    # Data Clerk: adopted, and a proposal the commission returned to draft.
    adopted(data_clerk, 1, datetime.date(2013, 2, 20))
    returned_to = Meeting.objects.create(jurisdiction=county, date=datetime.date(2024, 6, 12))
    returned = workflow.propose(draft(data_clerk, 2, "d2"), by=None, meeting=returned_to)
    workflow.return_to_draft(returned, by=None)
    # Elevator Inspector: abolished, its adopted text still public, with a draft started before abolition.
    adopted(inspector, 1, datetime.date(2005, 1, 5))
    draft(inspector, 2, "e2")
    workflow.abolish(inspector, on=datetime.date(2020, 1, 1), by=None)
    # The draft-only classes, one promoting from the Caseworker (it must not show as a promotion line).
    draft(budget, 1, "b1", department=draft_department, links=[caseworker])
    adopted(other, 1, datetime.date(2011, 9, 1))
    draft(elsewhere_draft, 1, "o1")
    search.rebuild()

    return Catalogue(
        classes={
            "account": account,
            "caseworker": caseworker,
            "data clerk": data_clerk,
            "inspector": inspector,
            "other": other,
            "budget": budget,
            "elsewhere draft": elsewhere_draft,
        },
        public_numbers={"account": {1, 2}, "caseworker": {1}, "data clerk": {1}, "inspector": {1}, "other": {1}},
        highest={
            "account": 3,
            "caseworker": 2,
            "data clerk": 2,
            "inspector": 2,
            "other": 1,
            "budget": 1,
            "elsewhere draft": 1,
        },
        public_dates=[datetime.date(2010, 6, 9), datetime.date(2001, 1, 10)],
        private_dates=[meeting.date, returned_to.date, datetime.date.today()],
        ids={"department": draft_department.pk, "series": draft_series.pk},
    )


# The addresses of each route


def class_pages(catalogue, suffix=""):
    return [
        Request(catalogue.base(name) + suffix, 200 if name in catalogue.public_numbers else 404)
        for name in catalogue.classes
    ]


def version_documents(document):
    def requests(catalogue):
        return [
            Request(
                f"{catalogue.base(name)}versions/{number}/{document}",
                200 if number in catalogue.public_numbers.get(name, ()) else 404,
            )
            for name in catalogue.classes
            for number in catalogue.numbers(name)
        ]

    return requests


def comparisons(catalogue):
    requests = []
    for name in catalogue.classes:
        public = catalogue.public_numbers.get(name, set())
        for old in catalogue.numbers(name):
            for new in catalogue.numbers(name):
                status = 200 if {old, new} <= public else 404
                requests.append(Request(f"{catalogue.base(name)}compare/?from={old}&to={new}", status))
    return requests


def class_list(catalogue):
    requests = [
        Request("/classes/"),
        Request("/classes/?status=abolished"),
        Request("/classes/?sort=adopted"),
        Request("/classes/?page=2", None),
        *(Request(f"/classes/?{urlencode({'q': query})}", echoes=(query, quote_plus(query))) for query in SEARCHES),
        *(Request(f"/classes/?q={query}&status=abolished", echoes=(query,)) for query in SEARCHES[:2]),
        # Guessed ids of a department and a series only drafts name, with no jurisdiction chosen.
        Request(f"/classes/?department={catalogue.ids['department']}", None),
        Request(f"/classes/?series={catalogue.ids['series']}", None),
    ]
    for jurisdiction in ["", "leak-county"]:
        for name, value in filter_options(jurisdiction):
            query = urlencode({"jurisdiction": jurisdiction, name: value})
            requests.append(Request(f"/classes/?{query}"))
            if jurisdiction:  # and with a search, whose counts and passages the filters narrow
                requests.append(Request(f"/classes/?{query}&q=LEDGER", echoes=("LEDGER",)))
    return requests


def filter_options(jurisdiction):
    """Every (filter, value) the list's form offers once a jurisdiction is chosen, read from the form itself."""
    html = Client().get("/classes/", {"jurisdiction": jurisdiction}).content.decode()
    selects = re.findall(r'<select[^>]*\bname="(\w+)"[^>]*>(.*?)</select>', html, re.S)
    assert {name for name, _ in selects} >= {"jurisdiction", "department", "series", "education", "requirement"}
    return [(name, value) for name, body in selects for value in re.findall(r'<option value="([^"]+)"', body)]


def checkers(catalogue):
    profile = {"jobs-TOTAL_FORMS": "1", "jobs-INITIAL_FORMS": "0", "education_level": "doctorate", "jobs-0-years": "9"}
    requests = []
    for name in catalogue.classes:
        url = catalogue.base(name) + "check/"
        status = 200 if name in catalogue.public_numbers else 404
        requests += [
            Request(url, status),
            Request(url + "?format=json", status),
            Request(url, status, "post", profile),
            Request(url, status, "post", json.dumps({"education_level": "doctorate"}), "application/json"),
        ]
    return requests


def qualify(catalogue):
    empty = {"jobs-TOTAL_FORMS": "1", "jobs-INITIAL_FORMS": "0"}
    strong = {**empty, "education_level": "doctorate", "jobs-0-years": "30", "jobs-0-supervisory": "on"}
    return [
        Request("/classes/qualify/"),
        Request("/classes/qualify/", 200, "post", empty),
        Request("/classes/qualify/", 200, "post", strong),
        Request("/classes/qualify/", 200, "post", {**strong, "jurisdiction": "leak-county"}),
    ]


def packets(catalogue):
    """A day's old address sends a one-jurisdiction day to that jurisdiction's packet."""
    return [Request(f"/packets/{day.isoformat()}/pdf/", 301) for day in catalogue.public_dates] + [
        Request(f"/packets/{day.isoformat()}/pdf/", 404) for day in catalogue.private_dates
    ]


def meeting_packets(catalogue):
    return [Request(f"/packets/leak-county/{day.isoformat()}/pdf/") for day in catalogue.public_dates] + [
        Request(f"/packets/{county}/{day.isoformat()}/pdf/", 404)
        for day in catalogue.private_dates
        for county in ["leak-county", "other-county"]
    ]


def sitemap(catalogue):
    return [
        Request("/sitemap.xml"),
        Request("/sitemap-classes.xml"),
        Request("/sitemap-versions.xml"),
        Request("/sitemap-versions.xml?p=2", 404),
    ]


def not_found_pages(catalogue):
    return [Request("/no-such-page/", 404), Request("/classes/leak-county/no-such-class/", 404)]


ROUTES = {
    "": lambda catalogue: [Request("/"), *not_found_pages(catalogue)],
    "classes/qualify/": qualify,
    "classes/<slug:jurisdiction_slug>/<slug:class_slug>/check/": checkers,
    "classes/": class_list,
    "classes/<slug:jurisdiction_slug>/<slug:class_slug>/": class_pages,
    "classes/<slug:jurisdiction_slug>/<slug:class_slug>/history/": lambda catalogue: class_pages(catalogue, "history/"),
    "classes/<slug:jurisdiction_slug>/<slug:class_slug>/compare/": comparisons,
    "classes/<slug:jurisdiction_slug>/<slug:class_slug>/versions/<int:number>/": version_documents(""),
    "classes/<slug:jurisdiction_slug>/<slug:class_slug>/versions/<int:number>/print/": version_documents("print/"),
    "classes/<slug:jurisdiction_slug>/<slug:class_slug>/versions/<int:number>/pdf/": version_documents("pdf/"),
    "classes/<slug:jurisdiction_slug>/<slug:class_slug>/versions/<int:number>/json/": version_documents("json/"),
    "jurisdictions/<slug:slug>/": lambda catalogue: [
        Request("/jurisdictions/leak-county/"),
        Request("/jurisdictions/other-county/"),
    ],
    "packets/<str:date>/pdf/": packets,
    "packets/<slug:jurisdiction_slug>/<str:date>/pdf/": meeting_packets,
    "data/classes.csv": lambda catalogue: [Request("/data/classes.csv")],
    "data/classes.json": lambda catalogue: [Request("/data/classes.json")],
    "health/": lambda catalogue: [Request("/health/")],
    "robots.txt": lambda catalogue: [Request("/robots.txt")],
    "sitemap.xml": sitemap,
    "sitemap-<slug:name>.xml": sitemap,
}
# Staff pages: the public reaches only the sign-in page.
STAFF_ROUTES = {"admin/": "/admin/", "admin/import/": "/admin/import/"}


def public_routes(resolver=None, prefix=""):
    """Every route of the URL configuration outside the staff's, as written in urls.py."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if route in STAFF_ROUTES:
            continue
        if isinstance(pattern, URLResolver):
            yield from public_routes(pattern, route)
        else:
            yield route


# Reading what a response shows


def shown(response, tmp_path):
    """Everything a response shows a reader: headers, and the body (a PDF's extracted text and metadata)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    headers = "\n".join(f"{name}: {value}" for name, value in response.items())
    if response.get("Content-Type") == "application/pdf":
        path = tmp_path / "document.pdf"
        path.write_bytes(body)
        text = run("pdftotext", str(path), "-") + run("pdfinfo", str(path))
        return headers + text
    return headers + body.decode()


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def leaked(text, echoes=()):
    for echo in echoes:
        text = text.replace(echo, "")
    return MARKER in text.lower()


# The tests


def test_every_public_route_is_covered():
    routes = list(public_routes())
    assert len(routes) == len(set(routes))
    assert sorted(set(routes) - set(ROUTES)) == [], "a public route the leak test does not cover: add it to ROUTES"
    assert sorted(set(ROUTES) - set(routes)) == [], "ROUTES names a route that no longer exists"


@pytest.mark.parametrize("route", ROUTES)
def test_no_public_address_shows_draft_text(client, catalogue, tmp_path, route):
    requests = ROUTES[route](catalogue)
    assert requests
    assert problems(client, requests, tmp_path) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite ranks every match by its whole text")
def test_no_search_shows_draft_text_when_title_matches_come_first(client, catalogue, tmp_path, monkeypatch):
    """Past the whole-text limit, title matches are found by the classes' own title words, not their documents:
    a draft-only class's title (it holds the marker) must not be found that way either."""
    monkeypatch.setattr(postgresql, "WHOLE_TEXT_RANKED_MOST", 0)

    assert problems(client, class_list(catalogue), tmp_path) == []


def problems(client, requests, tmp_path):
    found = []
    for request in requests:
        kwargs = {"content_type": request.content_type} if request.content_type else {}
        response = getattr(client, request.method)(request.path, request.data, **kwargs)
        text = shown(response, tmp_path)
        if request.status is not None and response.status_code != request.status:
            found.append(f"{request.method.upper()} {request.path}: {response.status_code}, not {request.status}")
        if leaked(text, (request.path, *request.echoes)):
            found.append(f"{request.method.upper()} {request.path} shows {sorted(set(MARKED.findall(text)))}")
    return found


def test_staff_pages_send_the_public_to_sign_in(client, db):
    for url in STAFF_ROUTES.values():
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_the_test_would_see_a_leak(client, catalogue, tmp_path):
    """The catalogue's markers are where the checks look: shown once public, in pages and in PDFs alike."""
    proposal = catalogue.classes["caseworker"].versions.get(number=2)
    workflow.adopt(proposal, by=None, adopted_on=datetime.date(2024, 5, 15))

    for url in ["/classes/leak-county/caseworker/", "/classes/leak-county/caseworker/versions/2/pdf/"]:
        assert leaked(shown(client.get(url), tmp_path))
    assert leaked(client.get("/classes/?q=XYLOPHRAX").content.decode(), ("XYLOPHRAX",))


def test_filters_count_only_public_text(client, catalogue):
    """Facts only drafts state (labor class, residency, no education, a draft's department) find no more classes."""

    def listed(query):
        html = client.get(f"/classes/?{query}").content.decode()
        return sorted(re.findall(r'class-row">\s*<a href="([^"]+)"', html))

    def pages(*names):
        return sorted(catalogue.base(name) for name in names)

    assert listed("") == pages("account", "caseworker", "data clerk", "other")
    assert listed("status=abolished") == pages("inspector")
    assert listed("jurisdictional_class=labor") == []
    assert listed("requirement=residency") == []
    assert listed("status=abolished&requirement=residency") == []
    # Every path open to the public in force asks a bachelor's degree; only the drafts' paths state no education.
    assert listed("education=none") == listed("education=associate") == []
    assert listed("education=bachelor") == listed("")
    assert listed("path=promotional") == pages("account")
    assert listed("jurisdiction=leak-county&q=LEDGER") == pages("account", "caseworker", "data clerk")
    response = client.get(f"/classes/?department={catalogue.ids['department']}")
    assert response.status_code == 400
    assert MARKER not in response.content.decode()


def test_a_draft_names_no_promotion_line_on_a_public_page(client, catalogue):
    """The Account Clerk's draft and the draft-only Budget Analyst both promote from the Caseworker: neither shows."""
    assert "This class leads to" not in client.get(catalogue.base("caseworker")).content.decode()
    # The Account Clerk's text in force promotes from a class with no public text: its title shows, with no link.
    html = client.get(catalogue.base("account")).content.decode()
    assert "Budget Analyst" in html
    assert catalogue.classes["budget"].slug not in html


def test_the_sitemap_lists_exactly_the_current_classes_and_their_public_versions(client, catalogue):
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>http://testserver(/[^<]+)</loc>", index)
    assert sections == ["/sitemap-classes.xml", "/sitemap-versions.xml"]

    def listed(section):
        body = b"".join(client.get(section).streaming_content).decode()
        return sorted(re.findall(r"<loc>http://testserver(/[^<]+)</loc>", body))

    current = ["account", "caseworker", "data clerk", "other"]
    assert listed(sections[0]) == sorted(catalogue.base(name) for name in current)
    assert listed(sections[1]) == sorted(
        f"{catalogue.base(name)}versions/{number}/" for name in current for number in catalogue.public_numbers[name]
    )


def test_the_exports_hold_the_text_in_force_only(client, catalogue):
    rows = list(csv.DictReader(io.StringIO(b"".join(client.get("/data/classes.csv").streaming_content).decode())))
    entries = json.loads(b"".join(client.get("/data/classes.json").streaming_content))["classes"]

    expected = [("Account Clerk", 2), ("Account Clerk", 1), ("Caseworker", 1), ("Data Clerk", 1)]
    assert sorted((row["title"], int(row["version"])) for row in rows) == sorted(expected)
    assert sorted((entry["title"], entry["version"]["number"]) for entry in entries) == sorted(expected)
    titles = next(entry["paths"][1]["time_in_title"] for entry in entries if entry["version"]["number"] == 2)
    assert titles == [{"title": "Budget Analyst", "years": "1", "class_url": None}]


def test_the_sitemap_is_paged_past_its_page_size(client, catalogue, monkeypatch):
    monkeypatch.setattr(sitemaps, "PAGE_SIZE", 2)

    index = client.get("/sitemap.xml").content.decode()
    pages = re.findall(r"<loc>http://testserver(/[^<]+)</loc>", index)
    assert pages == [
        "/sitemap-classes.xml",
        "/sitemap-classes.xml?p=2",
        "/sitemap-versions.xml",
        "/sitemap-versions.xml?p=2",
        "/sitemap-versions.xml?p=3",
    ]
    listed = [
        re.findall(r"<url><loc>([^<]+)</loc>", b"".join(client.get(page).streaming_content).decode()) for page in pages
    ]
    assert [len(urls) for urls in listed] == [2, 2, 2, 2, 1]
    assert len({url for urls in listed for url in urls}) == 9
    for page in ["/sitemap-versions.xml?p=4", "/sitemap-versions.xml?p=0", "/sitemap-drafts.xml"]:
        assert client.get(page).status_code == 404


def test_the_sitemap_dates_each_class_by_its_text_in_force(client, catalogue):
    body = b"".join(client.get("/sitemap-classes.xml").streaming_content).decode()

    assert (
        "<url><loc>http://testserver/classes/leak-county/account-clerk/</loc><lastmod>2010-06-09</lastmod></url>"
        in body
    )


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin_and_the_checker(client, db):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /classes/qualify/", "Disallow: /classes/*/*/check/"} <= set(lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_importing_a_new_draft_of_a_public_class_leaves_its_public_history_as_it_was(client, catalogue):
    document = (
        b"TITLE: ACCOUNT CLERK\nAdoption: CSM 11/19/77 Revised: CSM 3/14/2031\n\n"
        b"DISTINGUISHING FEATURES OF THE CLASS\nKeeps the ledger of accounts.\n"
    )
    account = catalogue.classes["account"]
    account.versions.get(number=3).delete()  # the open draft: an import is skipped while one is open

    (report,) = import_documents(
        [ImportedFile("clerk.txt", len(document), lambda: document)], jurisdiction=account.jurisdiction
    )

    assert report.status == "imported"
    assert account.history.count() == 0
    assert "2031" not in client.get(catalogue.base("account")).content.decode()
    assert "Revised: CSM 3/14/2031" in account.versions.get(number=3).adoption_line  # public once adopted
