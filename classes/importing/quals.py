"""Minimum qualifications: labelled paths (open-competitive or promotional), their facts, substitutions, footnotes."""

import re
from decimal import Decimal

from classes.vocabulary import EducationLevel, PathKind, SubstitutionKind

from .cleaning import CONNECTOR_ONLY
from .headings import match_heading
from .numbers import NUMBER, to_decimal

PATH_START = re.compile(
    r"""^(?:(?P<connector>(?i:either|or|and))\b:?\s*)?
        (?P<label>\((?:[A-Za-z]|\d{1,2}|[ivxIVX]{1,4})\)|[A-Za-z]\)|\d{1,2}[.)]
          |(?:I|II|III|IV|V|VI)(?:[.)]|(?=\s*$)|(?=\s+[A-Z]))|[A-Z]\.(?=\s))
        \s*(?P<rest>.*)$""",
    re.VERBOSE,
)
CONNECTOR_PRINTED = re.compile(r"^(?i:either|or|and)\b:?")
DEFINITION = re.compile(r"^(?P<marker>\*{1,3}|†)\s*(?P<body>.+)$")
DEFINITION_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z /'&-]{2,60}:)\s*(?P<text>.+)$")
DEFINED_TERM = re.compile(
    r"^(?P<term>.{3,80}?)\s+(?:is|are)\s+(?:defined as|considered)|^(?P<term2>.{3,80}?)\s+(?:means|refers to)\b"
)
NOTE_LABEL = re.compile(r"^(?P<label>(?:special )?notes?\s*\d*\s*:)\s*(?P<text>.*)$", re.IGNORECASE)
SUBSTITUTES = re.compile(r"substitut|in lieu of|may be accepted (?:in place|instead)", re.IGNORECASE)
YEARS = NUMBER + r"\s+(?:full[- ]time\s+)?(?:calendar\s+)?years?'?"

# "experience [or its part-time equivalent] directly involving …": what the experience is of, up to the next clause.
INVOLVING = re.compile(
    r"experience(?:\s+or\s+its\s+part[- ]time\s+equivalent)?,?\s+"
    r"(?P<phrase>(?:(?:directly|primarily|principally|mainly)\s+)?"
    r"(?:involving|involved in|related to|relating to|dealing with|concerned with)\s+.+?)"
    r"(?=,\s+" + NUMBER + r"\s|;|\.\s|\.$|$)",
    re.IGNORECASE,
)
# Words before "experience" that say how much or how it was done, not what it was of.
GENERIC_EXPERIENCE = {
    "of", "a", "an", "the", "full-time", "part-time", "full", "time", "paid", "unpaid", "satisfactory", "qualifying",
    "progressively", "responsible", "relevant", "related", "recent", "professional", "paraprofessional",
    "permanent", "continuous", "calendar", "work", "working",
}  # fmt: skip

LEVELS = [
    (EducationLevel.DOCTORATE, r"doctor(?:ate|al)|ph\.?\s?d\b"),
    (EducationLevel.MASTER, r"master'?s"),
    (EducationLevel.BACHELOR, r"bachelor'?s|baccalaureate|four[- ]year (?:college )?degree"),
    (EducationLevel.ASSOCIATE, r"associate'?s?\b(?: degree)?|two[- ]year college"),
    (EducationLevel.HIGH_SCHOOL, r"high school|equivalency diploma|\bGED\b|high school equivalency"),
]
LEVEL_PATTERN = re.compile("|".join(f"(?P<{level.value}>{pattern})" for level, pattern in LEVELS), re.IGNORECASE)


def education_level(text):
    """The first education level the text names (the requirement; "or higher" follows it)."""
    found = LEVEL_PATTERN.search(text)
    return next(name for name, value in found.groupdict().items() if value) if found else ""


def split_list(text):
    parts = re.split(r";\s*or\s+|;\s+|,\s*(?:or|and)\s+|,\s+|\s+or\s+", text)
    return [p.strip(" ,;.") for p in parts if p.strip(" ,;.")]


def path_facts(text, *, earlier=(), preamble_level=""):
    """The structured facts a path's wording states; anything not stated stays empty."""
    facts = {}
    flat = " ".join(text.split())
    if re.search(r"equivalent combination", flat, re.IGNORECASE):
        facts["is_equivalent_combination"] = True
        return facts
    level = education_level(flat) or preamble_level
    if level:
        facts["education_level"] = level
    fields = re.search(
        r"degree\s+in\s+(?P<fields>.+?)(?=,?\s+and\s+(?:\w+\s+){0,2}\(?\d|,?\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|\s+which\b|;|\.\s|\.$|$)",
        flat,
        re.IGNORECASE,
    )
    if fields:
        facts["education_fields"] = "\n".join(split_list(fields["fields"]))
    credits = re.search(
        r"(?P<hours>\d+)\s+(?:semester\s+|quarter\s+)?(?:credit\s+)?(?:hours|units)\s+in\s+(?P<subjects>.+?)(?=\s+and\s+(?:\w+\s+)?\(?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b|;|\.\s|\.$|$)",
        flat,
        re.IGNORECASE,
    )
    if credits:
        facts["credit_hours"] = int(credits["hours"])
        facts["credit_hour_subjects"] = credits["subjects"].strip(" ,")
    experience = re.search(YEARS + r"(?P<between>(?:\s+[\w'-]+){0,8}?)\s+experience", flat, re.IGNORECASE)
    if experience and " which " not in experience["between"]:
        facts["experience_years"] = to_decimal(experience)
        kinds = re.search(
            r"experience\s+(?:in|as(?!\s+defined)|performing|doing)\s+(?P<kinds>.+?)(?=;\s*OR\b|\.\s|\.$|;$|,\s+\w+\s+\(?\d|$)",
            flat[experience.start() :],
        )
        involving = INVOLVING.match(flat, experience.end() - len("experience"))
        if kinds:
            facts["experience_kinds"] = "\n".join(split_list(kinds["kinds"]))
        elif involving:  # "paid investigating experience … directly involving financial or civil matters": one kind
            doing = [word for word in experience["between"].split() if word.lower() not in GENERIC_EXPERIENCE]
            facts["experience_kinds"] = " ".join([*doing, involving["phrase"]])
        elif re.search(r"as defined (?:in \S+ )?above", flat) and earlier:
            inherited = next((p["experience_kinds"] for p in reversed(earlier) if p.get("experience_kinds")), "")
            if inherited:
                facts["experience_kinds"] = inherited
    if re.search(r"\bpaid\b", flat, re.IGNORECASE):
        facts["paid_experience"] = True
    if re.search(r"part[- ]time equivalent", flat, re.IGNORECASE):
        facts["part_time_accepted"] = True
    supervisory = re.search(
        YEARS + r"\s+of\s+which\s+(?:must|shall)\s+have\s+been\s+(?:\w+\s+){0,4}?supervis", flat, re.IGNORECASE
    )
    supervisory = supervisory or re.search(
        r"including\s+" + YEARS + r"\s+(?:of\s+)?(?:\w+\s+){0,2}?supervis", flat, re.IGNORECASE
    )
    if supervisory:
        years = to_decimal(supervisory)
        if facts.get("experience_years") is None or years <= facts["experience_years"]:
            facts["supervisory_years"] = years
    return facts


def time_in_title(text):
    """(title, years) for each title a promotional path names: "One year … status as a Senior Clerk or …"."""
    flat = " ".join(text.split())
    found = []
    for match in re.finditer(YEARS + r"(?:(?!\byears?\b).){0,120}?\bas(?:\s+an?)?\s*:?\s+", flat, re.IGNORECASE):
        years = to_decimal(match)
        titles = _title_list(flat[match.end() :])
        found.extend((title, years) for title in titles)
    return found


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


def substitution(label, text):
    flat = " ".join(text.split())
    rule = {"label": label, "text": text, "kind": SubstitutionKind.OTHER.value}
    where = SUBSTITUTES.search(flat)
    before, after = flat[: where.start()] if where else flat, flat[where.end() :] if where else ""
    if re.search(r"education|college|degree|graduate|training", before, re.IGNORECASE) and re.search(
        r"experience", after, re.IGNORECASE
    ):
        rule["kind"] = SubstitutionKind.EDUCATION_FOR_EXPERIENCE.value
    elif re.search(r"experience", before, re.IGNORECASE) and re.search(
        r"education|degree|college", after, re.IGNORECASE
    ):
        rule["kind"] = SubstitutionKind.EXPERIENCE_FOR_EDUCATION.value
    beyond = re.search(r"beyond\s+(?:an?\s+|the\s+)?(?P<level>[\w']+)", flat, re.IGNORECASE)
    if beyond:
        rule["education_beyond"] = education_level(beyond["level"] + " degree")
    elif re.search(r"\bgraduate(?:[- ]level)?\s+(?:education|study|coursework|degree)", flat, re.IGNORECASE):
        rule["education_beyond"] = EducationLevel.BACHELOR.value
    if re.search(
        r"(?:fields?|areas?)\s+(?:noted|listed|named|described)\s+above|(?:in|of)\s+the\s+fields", flat, re.IGNORECASE
    ):
        rule["in_path_fields"] = True
    if re.search(r"year[- ]for[- ]year", flat, re.IGNORECASE):
        rule["years_per_year"] = Decimal(1)
    cap = re.search(
        r"(?:up to|maximum of|not (?:to )?exceed(?:ing)?)\s+(?:a\s+maximum\s+of\s+)?" + YEARS, flat, re.IGNORECASE
    )
    if cap:
        rule["cap_years"] = to_decimal(cap)
    floor = re.search(YEARS + r"\s+of\s+(?:\w+\s+){0,2}experience\s+(?:is|are|must be)\s+required", flat, re.IGNORECASE)
    floor = floor or re.search(
        r"(?:at least|minimum of)\s+" + YEARS + r"\s+of\s+(?:\w+\s+){0,2}experience", flat, re.IGNORECASE
    )
    if floor:
        rule["floor_years"] = to_decimal(floor)
    return rule


def definition(marker, body):
    labelled = DEFINITION_LABEL.match(body)
    if labelled:
        label = labelled["label"]
        return {
            "marker": marker,
            "term": label.rstrip(":").strip().capitalize(),
            "label": label,
            "text": labelled["text"],
        }
    termed = DEFINED_TERM.match(body)
    term = (termed["term"] or termed["term2"]).strip() if termed else ""
    return {"marker": marker, "term": term, "label": "", "text": body}


def _path_text(lines):
    """A path's lines, one per line; a part of it under its own heading ("Experience Requirement:") is a paragraph."""
    text = ""
    for line in lines:
        if text:
            subheading = match_heading(line)
            text += "\n\n" if subheading and subheading[0] == "qualifications_part" and not subheading[2] else "\n"
        text += line
    return text


class QualificationsReader:
    """Reads the lines of a minimum-qualifications part, heading by heading, into paths and notes."""

    def __init__(self, report):
        self.report = report
        self.kind = PathKind.OPEN_COMPETITIVE.value
        self.headings = {}
        self.preambles = {PathKind.OPEN_COMPETITIVE.value: [], PathKind.PROMOTIONAL.value: []}
        self.paths, self.substitutions, self.definitions = [], [], []
        self.group_paths, self.loose, self.current = [], [], None
        self.connector, self.parked, self.last_note = "", None, None

    def heading(self, kind, heading, line):
        self._close_group()
        self.kind = kind
        self.headings[kind] = heading
        self.report.parts.append({"part": kind, "heading": heading, "line": line.number})

    def line(self, line):
        text = line.text
        runs_on = not (PATH_START.match(text) or CONNECTOR_ONLY.match(text) or DEFINITION.match(text))
        if self.last_note is not None and runs_on and not SUBSTITUTES.search(text) and not text.endswith(":"):
            self.last_note["text"] += "\n\n" + text  # a footnote or note running on
            return
        found = DEFINITION.match(text)
        if found:
            self._unpark()
            self.definitions.append({**definition(found["marker"], found["body"]), "line": line.number})
            self.last_note = self.definitions[-1]
            return
        note = NOTE_LABEL.match(text)
        if SUBSTITUTES.search(text):
            label = note["label"] if note else ""
            body = note["text"] if note else text
            if not label and self.parked:
                label, self.parked = self.parked.text, None
            self._unpark()
            self.substitutions.append({**substitution(label, body), "line": line.number})
            self.last_note = self.substitutions[-1]
            return
        self._unpark()
        if (
            text.endswith(":")
            and len(text.split()) <= 5
            and not CONNECTOR_ONLY.match(text)
            and not PATH_START.match(text)
        ):
            self.parked = line  # perhaps the label of a rule on the next line
            return
        self._text(line)

    def _unpark(self):
        if self.parked:
            parked, self.parked = self.parked, None
            self._text(parked)

    def _text(self, line):
        text = line.text
        self.last_note = None
        start = PATH_START.match(text)
        if start and not (
            start["label"].rstrip(".").isalpha()
            and len(start["label"].rstrip(".")) > 1
            and not start["rest"]
            and not start["connector"]
        ):
            if self.loose and not self.group_paths:
                self.preambles[self.kind].extend(entry.text for entry in self.loose)
                self.loose = []
            connector = start["connector"] or ""
            printed = CONNECTOR_PRINTED.match(text)
            self._start_path(
                line, printed.group(0) if printed and connector else self.connector, start["label"], start["rest"]
            )
            return
        if CONNECTOR_ONLY.match(text):
            if (not self.group_paths and not self.loose) or text.lower().startswith("either"):
                self.loose.append(line)
            else:
                if self.loose:
                    self._flush_loose()
                self.connector, self.current = text, None
            return
        if self.current is not None:
            self.current["lines"].append(text)
        elif self.connector:
            self._start_path(line, self.connector, "", text)
        else:
            self.loose.append(line)

    def _start_path(self, line, connector, label, rest):
        self.current = {
            "kind": self.kind,
            "connector": connector,
            "label": label,
            "lines": [rest] if rest else [],
            "line": line.number,
        }
        self.group_paths.append(self.current)
        self.connector = ""

    def _flush_loose(self):
        lines = self.loose
        self.loose = []
        path = {
            "kind": self.kind,
            "connector": "",
            "label": "",
            "lines": [entry.text for entry in lines],
            "line": lines[0].number,
        }
        self.group_paths.append(path)

    def _close_group(self):
        self._unpark()
        if self.loose:
            if self.group_paths:
                self.group_paths[-1]["lines"].extend(entry.text for entry in self.loose)
                self.loose = []
            else:
                self._flush_loose()
        self.paths.extend(self.group_paths)
        self.group_paths, self.current, self.connector = [], None, ""

    def finish(self):
        self._close_group()
        result = []
        for path in self.paths:
            text = _path_text(path.pop("lines"))
            if not text:
                self.report.warn(
                    path["line"], f"qualification path {path['label'] or ''} has no text".replace("  ", " ")
                )
            preamble = " ".join(self.preambles[path["kind"]])
            facts = path_facts(
                text, earlier=[p for p in result if p["kind"] == path["kind"]], preamble_level=education_level(preamble)
            )
            entry = {**path, "text": text, **facts}
            if path["kind"] == PathKind.PROMOTIONAL.value:
                entry["titles"] = [{"title": t, "years": y} for t, y in time_in_title(text)]
            result.append(entry)
        return {
            "paths": result,
            "substitutions": self.substitutions,
            "definitions": self.definitions,
            "open_competitive_heading": self.headings.get(PathKind.OPEN_COMPETITIVE.value, ""),
            "open_competitive_preamble": "\n".join(self.preambles[PathKind.OPEN_COMPETITIVE.value]),
            "promotional_heading": self.headings.get(PathKind.PROMOTIONAL.value, ""),
            "promotional_preamble": "\n".join(self.preambles[PathKind.PROMOTIONAL.value]),
        }
