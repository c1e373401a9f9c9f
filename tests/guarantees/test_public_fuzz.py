"""Bad input never becomes a 500: every public address, sent arbitrary query strings, path segments, headers and
bodies, answers below 500; a 400 says in words what cannot be used, and a 404 is the site's own page."""

import json
from html.parser import HTMLParser
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.test.client import encode_multipart
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st

from classes.vocabulary import EducationLevel, JurisdictionalClass, PathKind, SpecialRequirementKind
from tests.pagetext import page_text

# Reproducible (derandomized) and bounded so the file runs in some seconds per database. Each test loads the
# seeds once and runs its examples inside that one test: no request writes, so examples may share the data.
# Not shrunk: a failure notes the whole request, and shrinking one costs minutes of requests.
FUZZ = settings(
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# The seed catalogue's jurisdictions and classes, in pairs, then one of each that does not exist.
JURISDICTIONS = ["broome-county", "cayuga-county", "career-service-authority", "unnamed-employer-b", "atlantis"]
CLASSES = [
    "welfare-management-systems-coordinator",
    "child-support-enforcement-coordinator",
    "case-management-coordinator-i",
    "customer-support-coordinator",
    "no-such-class",
]
CHECKERS = [f"/classes/{j}/{c}/check/" for j, c in zip(JURISDICTIONS[:4], CLASSES[:4], strict=True)]
VERSIONS = ["1", "2", "0", "01", "-1", "9223372036854775807", "9223372036854775808", "9" * 40, "1.0"]
DATES = ["2005-07-14", "2005-07-13", "0000-01-01", "2005-02-30", "9999-12-31", "2005-7-13", "٢٠٠٥-٠٧-١٣"]

ROUTES = {
    "home": "/",
    "list": "/classes/",
    "class": "/classes/{j}/{c}/",
    "history": "/classes/{j}/{c}/history/",
    "compare": "/classes/{j}/{c}/compare/",
    "version": "/classes/{j}/{c}/versions/{n}/",
    "print": "/classes/{j}/{c}/versions/{n}/print/",
    "pdf": "/classes/{j}/{c}/versions/{n}/pdf/",
    "json": "/classes/{j}/{c}/versions/{n}/json/",
    "check": "/classes/{j}/{c}/check/",
    "qualify": "/classes/qualify/",
    "jurisdiction": "/jurisdictions/{j}/",
    "packet": "/packets/{date}/pdf/",
    "csv": "/data/classes.csv",
    "open json": "/data/classes.json",
    "health": "/health/",
    "sitemap": "/sitemap.xml",
}
try:
    resolve(ROUTES["sitemap"])
except Resolver404:  # not every version of the portal has one
    del ROUTES["sitemap"]
# Where the interesting input is; a packet of the one real date renders a PDF each time (a second or so).
EXAMPLES = {"list": 100, "compare": 50, "pdf": 8, "packet": 8}


# Values: those a view accepts, and those that have broken parsers somewhere: digits int() refuses to read,
# NUL (which PostgreSQL refuses in any text), numbers Decimal reads specially, non-ASCII digits, very long text.

NUMBERS = ["9" * 5000, "²", "1\x00", "9223372036854775808", "9" * 30, "٣", "1e999999", "NaN", "sNaN", "-Infinity"]
NUMBERS += ["1_000", "0x1F", "-1", "01", " 1", "0", "1", "2", "5", "40", "50", "51", "2.5"]
ODD_TEXT = ["\x00", "broome-county\x00", "x" * 20000, "", " ", "\ufeff", "😀", "<b>bold</b>", "%00", "[]", "null"]
texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
# A slug with a NUL after it: PostgreSQL refuses it in any query.
slugs = ("\x00", *JURISDICTIONS, *(f"{slug}\x00" for slug in JURISDICTIONS[:2]))


def values(*meaningful):
    odd = st.sampled_from(NUMBERS) | st.sampled_from(ODD_TEXT) | texts
    return st.sampled_from(meaningful) | odd if meaningful else odd


QUERIES = {
    "list": {
        "q": values("clerk", "case management", "coordinater", "the", "a" * 41),
        "jurisdiction": values(*slugs),
        "department": values(),
        "series": values(),
        "jurisdictional_class": values(*JurisdictionalClass.values),
        "education": values("none", *EducationLevel.values),
        "path": values(*PathKind.values),
        "requirement": values(*SpecialRequirementKind.values),
        "status": values("current", "abolished"),
        "sort": values("relevance", "title", "adopted"),
        "page": values(),
    },
    "check": {"format": values("json")},
    "qualify": {"jurisdiction": values(*slugs)},
}
# A comparison is read only once both versions are given, and numbers only once both are digits.
version_numbers = st.booleans().flatmap(lambda plain: st.sampled_from(["9" * 5000, "1", "01"]) if plain else values())
REQUIRED = {"compare": {"from": version_numbers, "to": version_numbers}}
PERCENT_JUNK = ["%", "%Z", "%ZZ", "%ff%fe", "%00", "%C3%28", "%ED%A0%80", "=", "&", "==", ";", "+", "a=%", "=%E2%82"]


@st.composite
def query_strings(draw, route):
    """Some of the keys the view reads, repeated at will, keys it never reads, and percent-encoding no decoder
    can read."""
    reads = QUERIES.get(route, {}) | REQUIRED.get(route, {})
    pairs = list(draw(st.fixed_dictionaries(REQUIRED.get(route, {}), optional=QUERIES.get(route, {}))).items())
    keys = st.sampled_from(sorted(reads)) | texts if reads else texts
    pairs = draw(st.permutations(pairs + draw(st.lists(st.tuples(keys, values()), max_size=3))))
    junk = draw(st.lists(st.sampled_from(PERCENT_JUNK), max_size=2))
    return "&".join(part for part in [urlencode(pairs), *junk] if part)


def segments(known):
    """What fills one place in a path: a value that exists, one the converter rejects, or anything at all."""
    odd = ["%00", "%ff", "..", "%2e%2e", "a%2Fb", "%C0%AF", "%E2%80%8B", "x" * 300, "9" * 5000, "-", "_"]
    anything = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30).map(
        lambda text: quote(text, safe="")
    )
    return st.sampled_from(known) | st.sampled_from(odd) | anything


@st.composite
def addresses(draw, route):
    """The route's path, mostly with a class that exists (the query matters only there), and a query string."""
    if draw(st.sampled_from([True, True, True, False])):
        j, c = draw(st.sampled_from(list(zip(JURISDICTIONS, CLASSES, strict=True))))
    else:
        j, c = draw(segments(JURISDICTIONS)), draw(segments(CLASSES))
    path = ROUTES[route].format(j=j, c=c, n=draw(segments(VERSIONS)), date=draw(segments(DATES)))
    query = draw(query_strings(route))
    return f"{path}?{query}" if query else path


HEADERS = {
    "If-None-Match": ["*", '"0-0"', 'W/"1-0123456789abcdef"', '"', ",,,", "W/", '"v1.adopted"', "x" * 3000],
    "If-Modified-Since": ["Sat, 29 Oct 1994 19:43:31 GMT", "yesterday", "Mon, 32 Foo 99999 99:99:99 GMT", "-1"],
    "Accept": ["application/json", "*/*", "text/html;q=abc", ";;;", "application/pdf", ""],
    "Accept-Language": ["fr", "*", "x-klingon;q=2", "zz-ZZ,en;q=0.5", ";q=" * 50],
    "Range": ["bytes=0-0", "bytes=-1", "bytes=99999999999999999999999-", "lines=1-2", "bytes=5-1"],
    "Accept-Encoding": ["gzip", "br, deflate", "identity;q=0", "*;q=0"],
}
latin1 = st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=60)


@st.composite
def headers(draw):
    names = draw(st.lists(st.sampled_from(sorted(HEADERS)), unique=True, max_size=3))
    return {name: draw(st.sampled_from(HEADERS[name]) | latin1) for name in names}


# Bodies for the checker and the catalogue-wide check

# The formset's counts, read with int() before any field: half the time a count, or digits int() cannot read.
management = st.booleans().flatmap(
    lambda plain: st.sampled_from(["9" * 5000, "²", "0", "1", "2", "50"]) if plain else values()
)
FORM = {
    "education_level": values(*EducationLevel.values),
    **dict.fromkeys(["college_credits", "credit_hours_0", "credit_hours_1", "status_0", "status_1"], values()),
    "degree_fields": values("Social work", "Computer science"),
    **dict.fromkeys(["jobs-MIN_NUM_FORMS", "jobs-MAX_NUM_FORMS"], management),
    "page": values(),
    "jurisdiction": values(*slugs),
}
for n in (0, 1):
    FORM |= {f"jobs-{n}-{key}": values() for key in ("title", "years", "months", "hours_per_week")}
    FORM |= {f"jobs-{n}-paid": values("yes", "no"), f"jobs-{n}-supervisory": values("on"), f"jobs-{n}-kinds": values()}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.sampled_from(NUMBERS + ODD_TEXT) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=10,
)
json_numbers = st.integers() | st.floats() | st.sampled_from([*NUMBERS, 10**30, -1, 1e308, True])
json_names = st.lists(values("Social work", "Clerk"), max_size=3)
job = st.fixed_dictionaries(
    {},
    optional={
        **dict.fromkeys(["years", "months", "hours_per_week"], json_numbers | json_values),
        **dict.fromkeys(["paid", "supervisory"], st.booleans() | json_values),
        "kinds": json_names | json_values,
        "title": texts | json_values,
        "shoe_size": json_values,
    },
)
profile = st.fixed_dictionaries(
    {},
    optional={
        "education_level": st.sampled_from(EducationLevel.values) | json_values,
        "college_credits": json_numbers | json_values,
        "degree_fields": json_names | json_values,
        "credit_hours": st.dictionaries(values("programming"), json_numbers, max_size=3) | json_values,
        "status": st.dictionaries(values("Clerk"), json_numbers, max_size=3) | json_values,
        "jobs": st.lists(job, max_size=3) | json_values,
        "shoe_size": json_values,
    },
)
RAW_BODIES = [
    b"",
    b"[" * 100_000,
    b'{"a": ' * 50_000,
    b'{"jobs": ' + b"[" * 5000,
    b'{"jobs": [{"years": 1' + b"0" * 5000 + b"}]}",
    b'{"college_credits": 1e400}',
    b'{"college_credits": NaN}',
    b"\xff\xfe\x00{",
    b'{"education_level": "\xc3\x28"}',
    b"\x00",
    b"null",
]
json_bodies = (
    profile.map(json.dumps).map(str.encode)
    | json_values.map(json.dumps).map(str.encode)
    | st.sampled_from(RAW_BODIES)
    | st.binary(max_size=100)
)
FORM_TYPE = "application/x-www-form-urlencoded"
JSON_TYPE = "application/json"
MULTIPART_TYPE = "multipart/form-data; boundary=BoUnDaRy"
CONTENT_TYPES = [
    FORM_TYPE,
    JSON_TYPE,
    MULTIPART_TYPE,
    "multipart/form-data",
    "application/json; charset=utf-16",
    FORM_TYPE + "; charset=no-such-charset",
    FORM_TYPE + "; charset=latin-1",
    "text/plain",
    "",
]


@st.composite
def form_bodies(draw):
    """(body, content type): the form's fields or any others, repeated at will, then its counts, half the time
    with "Add another job"; urlencoded or as multipart, mostly under their own content type."""
    pairs = list(draw(st.fixed_dictionaries({}, optional=FORM)).items())
    pairs = draw(st.permutations(pairs + draw(st.lists(st.tuples(st.sampled_from(sorted(FORM)) | texts, values())))))
    pairs += [("jobs-TOTAL_FORMS", draw(management)), ("jobs-INITIAL_FORMS", draw(management))]
    if draw(st.booleans()):
        pairs.append(("add_job", "Add another job"))
    if draw(st.booleans()):
        body, own_type = urlencode(pairs).encode(), FORM_TYPE
    else:
        fields = {}
        for key, value in pairs:
            fields.setdefault(key, []).append(value)
        body, own_type = encode_multipart("BoUnDaRy", fields), MULTIPART_TYPE
    if draw(st.booleans()):
        body += draw(st.sampled_from(["", *PERCENT_JUNK])).encode()
    mismatched = draw(st.integers(0, 3)) == 0
    return body, draw(st.sampled_from(CONTENT_TYPES)) if mismatched else own_type


# What a user must see


class _Messages(HTMLParser):
    """The text of the elements that carry a page's messages about the request: role="alert" or class "error"."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.depth or attributes.get("role") == "alert" or "error" in (attributes.get("class") or "").split():
            self.depth += tag not in {"br", "img", "input", "meta", "link", "hr", "wbr"}

    def handle_endtag(self, tag):
        self.depth -= self.depth > 0

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def message_of(response):
    """What a 400 or a 404 tells the reader, in words: empty when it says nothing."""
    content_type = response.get("Content-Type", "")
    body = response.content.decode("utf-8", "replace")
    if content_type.startswith("application/json"):
        return " ".join(json.loads(body).get("errors", []))
    if content_type.startswith("text/html"):
        parser = _Messages()
        parser.feed(body)
        return " ".join("".join(parser.parts).split())
    return body.strip()


def is_the_site_404_page(response):
    return response["Content-Type"].startswith("text/html") and "There is no public page at this address" in (
        page_text(response.content.decode())
    )


def assert_answered(client, method, url, body=b"", content_type=FORM_TYPE, headers=None):
    """Send the request; whatever it holds, the answer is no 5xx, and a 400 or 404 tells the reader why."""
    request = f"{method} {url[:300]!r} content type {content_type!r} body {body[:300]!r} headers {headers!r}"
    note(request)
    response = client.generic(method, url, data=body, content_type=content_type, headers=headers)
    assert response.status_code < 500, f"{response.status_code} for {request}"
    if method != "HEAD" and response.status_code == 400:
        assert message_of(response), f"a 400 that says nothing, for {request}"
    if method != "HEAD" and response.status_code == 404:
        assert is_the_site_404_page(response) or message_of(response), f"a bare 404, for {request}"
    return response


@pytest.fixture
def anyone():
    """A visitor's client: an uncaught exception comes back as the 500 a visitor would get, not raised."""
    return Client(raise_request_exception=False)


def requests_to(route):
    """Requests to one route, as many as its input deserves."""

    @settings(FUZZ, max_examples=EXAMPLES.get(route, 10))
    @given(data=st.data())
    def send(client, data):
        method = data.draw(st.sampled_from(["GET", "GET", "GET", "HEAD", "POST", "OPTIONS"]), label="method")
        url = data.draw(addresses(route), label="address")
        assert_answered(client, method, url, headers=data.draw(headers(), label="headers"))

    return send


def test_no_address_query_or_header_is_a_server_error(anyone, seeds):
    for route in ROUTES:
        requests_to(route)(anyone)


@settings(FUZZ, max_examples=60)
@given(data=st.data())
def check_json_bodies(client, data):
    url = data.draw(st.sampled_from(CHECKERS), label="checker")
    body = data.draw(json_bodies, label="body")
    content_type = data.draw(st.sampled_from([JSON_TYPE, JSON_TYPE, "application/json; charset=utf-16"]))
    assert_answered(client, "POST", url, body, content_type, headers=data.draw(headers(), label="headers"))


def test_no_json_profile_is_a_server_error(anyone, seeds):
    check_json_bodies(anyone)


@settings(FUZZ, max_examples=120)
@given(data=st.data())
def form_posts(client, data):
    url = data.draw(st.sampled_from([ROUTES["qualify"], *CHECKERS]), label="form")
    method = data.draw(st.sampled_from(["POST", "POST", "POST", "GET", "PUT"]), label="method")
    body, content_type = data.draw(form_bodies(), label="body")
    assert_answered(client, method, url, body, content_type, headers=data.draw(headers(), label="headers"))


def test_no_form_is_a_server_error(anyone, seeds):
    form_posts(anyone)


# The kinds of bad input the fuzzing found, each with what its sender reads

BROOME = "/classes/broome-county/welfare-management-systems-coordinator/"


@pytest.mark.parametrize(
    ("wanted", "status", "message"),
    [
        ({"from": "1", "to": "9" * 5000}, 404, "This class has no public version 99999999999999999999."),
        ({"from": "1", "to": "²"}, 400, "“²” is not a version number."),
    ],
)
def test_a_comparison_with_an_unreadable_version_number_says_so(anyone, seeds, wanted, status, message):
    response = anyone.get(BROOME + "compare/", wanted)

    assert response.status_code == status
    assert message in page_text(response.content.decode())


def test_a_version_number_written_with_leading_zeros_still_names_the_version(anyone, seeds):
    assert anyone.get(BROOME + "compare/", {"from": "01", "to": "001"}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [{"jurisdiction": "broome-county\x00"}, {"jurisdiction": "\x00", "department": "1"}, {"series": "1\x00"}],
)
def test_a_nul_byte_in_a_filter_is_refused_with_a_message(anyone, seeds, params):
    # PostgreSQL refuses a NUL in any text it is asked to compare: it must never reach a query.
    response = anyone.get("/classes/", params)

    assert response.status_code == 400
    assert "Null characters are not allowed." in message_of(response)


@pytest.mark.parametrize("name", ["department", "series"])
def test_a_department_or_series_number_too_long_to_read_is_refused_with_a_message(anyone, seeds, name):
    response = anyone.get("/classes/", {name: "9" * 5000})

    assert response.status_code == 400
    assert "Select a valid choice" in message_of(response)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[" * 100_000, "The body nests too deeply to be a profile."),
        ('{"jobs": ' + '{"a": ' * 5000, "The body nests too deeply to be a profile."),
        ('{"education_level": "' + "x" * 3_000_000 + '"}', "The body is too large to be a profile."),
    ],
)
def test_a_json_profile_that_cannot_be_read_is_refused_with_a_message(anyone, seeds, body, message):
    response = anyone.post(BROOME + "check/", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {"errors": [message]}


@pytest.mark.parametrize("total", ["²", "9" * 5000])
def test_adding_a_job_when_the_count_of_jobs_is_no_number_shows_the_form_again(anyone, seeds, total):
    response = anyone.post(
        "/classes/qualify/", {"add_job": "Add another job", "jobs-TOTAL_FORMS": total, "jobs-INITIAL_FORMS": "0"}
    )

    assert response.status_code == 200
    assert "ManagementForm data is missing or has been tampered with" in message_of(response)


def test_a_malformed_packet_date_gets_the_sites_400_page_with_its_message(anyone):
    response = anyone.get("/packets/2005-02-30/pdf/")

    assert response.status_code == 400
    assert "A packet's address names a date as YYYY-MM-DD, e.g. /packets/2005-07-13/pdf/." in message_of(response)
    assert "Browse all class specifications" in page_text(response.content.decode())


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"data": "&".join(f"field{n}=1" for n in range(1001)), "content_type": "application/x-www-form-urlencoded"},
        {"data": b"--x\r\n", "content_type": "multipart/form-data"},  # no boundary
        {"data": {}, "headers": {"host": "evil..example:99999"}},
    ],
)
def test_a_request_django_cannot_read_gets_the_sites_400_page(anyone, request_kwargs):
    response = anyone.post("/classes/qualify/", **request_kwargs)

    assert response.status_code == 400
    assert "Something in the address or the form sent cannot be used" in message_of(response)
    assert "Browse all class specifications" in page_text(response.content.decode())


@pytest.mark.parametrize(
    "address",
    [
        BROOME + "versions/9223372036854775808/",  # past a bigint: PostgreSQL would refuse to compare it
        BROOME + "versions/" + "9" * 5000 + "/json/",
        BROOME + "versions/%00/",  # the converter rejects it
        "/jurisdictions/atlantis/",
    ],
)
def test_an_address_that_names_nothing_gets_the_sites_404_page(anyone, seeds, address):
    response = anyone.get(address)

    assert response.status_code == 404
    assert is_the_site_404_page(response)
