"""Promotion: whose service a path's experience must be in, the standing it asks for there, the titles it names."""

import re
from functools import lru_cache

from .numbers import durations
from .wording import SENTENCE, mentions

SERVICE_HINTS = ("city of", "county of", "state of", "town of", "village of", "commonwealth of", "state service")
SERVICE = re.compile(
    r"\b(?:with|for|in|by|within)\s+(?P<service>the\s+(?:City|County|State|Town|Village|Commonwealth)\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}"
    r"|(?:the\s+)?(?:[A-Z][a-z]+\s+)?[Ss]tate\s+(?:civil\s+)?service)",
)
# After a length of time, up to the title it is spent in: "One year of permanent competitive status as a …".
IN_TITLE = re.compile(
    r"(?:(?!\byears?\b).){0,120}?\b(?:as|in the (?:class|title) of)(?:\s+an?)?\s*:?\s+", re.IGNORECASE
)
AT_THAT_LEVEL = re.compile(
    r"\bor (?:in )?(?:a|an|any) (?:class|position|title) (?:at|of) (?:that|an equivalent|a comparable) level", re.I
)
# A clause about experience counted toward the requirement, not what all of it must be: "(Experience in the …
# state service applied toward this requirement must include …)".
APPLIED_TOWARD = re.compile(r"[(\[]?experience in[^.;)\]]{0,60}applied (?:toward|to)\b[^)\]]*[)\]]?", re.IGNORECASE)
OWN_EMPLOYER = re.compile(r"\b(?:with|in|for|within)\s+(?:the\s+)?(?:City|County|State|Town|Village) of\s+[A-Z]")
IN_STATE_SERVICE = re.compile(r"\bin\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?state service\b", re.IGNORECASE)
EXPERIENCE_BEFORE = re.compile(r"\b(?:experience|employ\w*|status|service)\b[^.;]{0,80}$", re.IGNORECASE)
PERMANENT_STATUS = re.compile(r"\bpermanent\s+(?:[\w-]+\s+){0,3}?status", re.IGNORECASE)
CURRENT_EMPLOYMENT = re.compile(r"\bcurrent(?:ly)?\s+employ", re.IGNORECASE)


@lru_cache(maxsize=4096)
def service(text):
    """Whose service the experience must be in, where the path's requirement names it ("with the City of …")."""
    if not mentions(text, SERVICE_HINTS):
        return ""
    for sentence in SENTENCE.split(text):
        found = SERVICE.search(sentence)
        if found and re.search(r"experience|employ|status|service|work", sentence, re.I):
            if re.match(r"\(?experience in .{0,40}applied toward", sentence, re.I):
                continue
            return found["service"]
    return ""


def _in_own_service(text):
    """Whether the requirement asks for experience in the employer's own service (current employment, permanent
    status, "experience … with the City of …")."""
    if not mentions(text, (*SERVICE_HINTS, "current", "permanent")):
        return False
    text = APPLIED_TOWARD.sub(" ", text)
    if CURRENT_EMPLOYMENT.search(text) or PERMANENT_STATUS.search(text) or IN_STATE_SERVICE.search(text):
        return True
    return any(
        EXPERIENCE_BEFORE.search(text, max(0, found.start() - 100), found.start())
        for found in OWN_EMPLOYER.finditer(text)
    )


def promotion_facts(requirement, promotional):
    """The facts of promotion a requirement states: whose service, what standing, and (a promotional path's) the
    titles and years it names; `promotional`: the path is printed under a promotional heading."""
    found = {"service": service(requirement)}
    if PERMANENT_STATUS.search(requirement):
        found["status_required"] = "permanent"
    elif CURRENT_EMPLOYMENT.search(requirement):
        found["status_required"] = "current_employment"
    if promotional or _in_own_service(requirement):
        found["kind"] = "promotional"
        found["titles"] = time_in_title(requirement)
    return found


def time_in_title(text):
    """(title, years, at that level) for each title a promotional path names: "One year … status as a Senior Clerk
    or …"."""
    found = []
    for duration in durations(text):
        title = IN_TITLE.match(text, duration.end)
        if title:
            rest = text[title.end() :]
            at_level = bool(AT_THAT_LEVEL.search(rest[:200]))
            found.extend((name, duration.years, at_level) for name in _title_list(rest))
    return tuple(found)


def _title_list(text):
    titles, current = [], []
    for token in re.findall(r"[A-Za-z][\w'/.-]*|,|:", text):
        if token in {",", ":"}:
            if current:
                titles.append(" ".join(current))
                current = []
            if token == ":":
                break
            continue
        if token[0].isupper() or (token in {"of", "and", "for", "the", "in"} and current):
            current.append(token)
        elif token == "or":
            if current:
                titles.append(" ".join(current))
                current = []
        else:
            break
    if current:
        titles.append(" ".join(current))
    cleaned = []
    for title in titles:
        words = title.split()
        while words and words[-1] in {"of", "and", "for", "the", "in"}:
            words.pop()
        if words and words[0] not in {"OR", "AND"}:
            cleaned.append(" ".join(words).rstrip("."))
    return cleaned
