"""A document's lines read into the parts and facts of a spec: `parse_spec(lines)` returns (spec, report)."""

import re

from classes import structure
from classes.vocabulary import SectionLayout, SectionPlacement

from . import header
from .cleaning import clean_lines
from .headings import match_heading, unknown_heading
from .items import DUTIES_NOTE, competency, ksa_kind_and_level, requirement_kind, split_items
from .quals import QualificationsReader
from .report import DocumentReport

QUALIFICATION_PARTS = {"qualifications", "open_competitive", "promotional", "qualifications_part"}
PROSE_PARTS = {"general_statement", "distinguishing_features"}
# Where an other section reads, by the last standard part printed before it.
PLACEMENT_AFTER = {
    None: SectionPlacement.AFTER_DISTINGUISHING_FEATURES,
    "general_statement": SectionPlacement.AFTER_DISTINGUISHING_FEATURES,
    "distinguishing_features": SectionPlacement.AFTER_DISTINGUISHING_FEATURES,
    "duties": SectionPlacement.AFTER_DUTIES,
    "ksas": SectionPlacement.AFTER_KSAS,
    "competencies": SectionPlacement.AFTER_KSAS,
    "qualifications": SectionPlacement.AFTER_QUALIFICATIONS,
    "special_requirements": SectionPlacement.END,
}
MQ_WORDS = re.compile(
    r"educat|experien|qualif|requir|equivalen|substitut|promot|competitive|status|either|note|degree|licen|title",
    re.IGNORECASE,
)
CAPITALISED = r"[A-Z][\w&'-]*"
DEPARTMENT_IN_TEXT = re.compile(
    rf"\b(?:with)?in\s+the\s+(?:(?:{CAPITALISED}|of)\s+){{0,5}}?"
    rf"(?P<name>(?:Department|Division|Bureau|Office)\s+of\s+{CAPITALISED}(?:\s+(?:(?:and|&|of|for)\s+)?{CAPITALISED})*)"
)
POSITION_WORDS = re.compile(r"\b(?:position|class|employee|incumbent|work)\b", re.IGNORECASE)
SERIES_TITLE = re.compile(r"^(?P<name>.+?)\s+(?P<level>I{1,3}|IV|V)$")
SERIES_LEVELS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
HEADER_FACTS = ["title", "code", "jurisdictional_class", "department", "flsa_status", "salary_grade", "bargaining_unit"]
DATE_FACTS = {"adopted": "adopted", "approved": "approved", "established": "established", "revised": "revised"}


def parse_spec(raw_lines, *, source=""):
    report = DocumentReport(source=source, status="parsed")
    lines, dropped = clean_lines(raw_lines)
    if dropped:
        report.facts["debris_lines_removed"] = dropped
    spec = {"title": "", "code": "", "history": [], "duties": [], "ksas": [], "competencies": [], "other_sections": []}
    spec["special_requirements"] = []
    sections = _sections(lines, report)
    header_lines = sections.pop(0)["lines"] if sections and sections[0]["part"] == "header" else []
    _read_header(header_lines, spec, report)
    quals = QualificationsReader(report)
    last_standard, seen_qualifications, trailing = None, False, []
    for section in sections:
        part = section["part"]
        if part in QUALIFICATION_PARTS:
            seen_qualifications = True
            if part == "qualifications":
                spec.setdefault("qualifications_heading", section["heading"])
                report.parts.append(_part_entry(section))
            elif part in {"open_competitive", "promotional"}:
                spec.setdefault("qualifications_heading", "")
                quals.heading(part, section["heading"], section["start"])
            else:
                spec.setdefault("qualifications_heading", "")
            for line in section["lines"]:
                quals.line(line)
            last_standard, trailing = "qualifications", []
            continue
        report.parts.append(_part_entry(section))
        if not section["lines"]:
            report.warn(section["start"].number, f"heading “{section['heading']}” has no text under it")
        if part in PROSE_PARTS:
            _prose(spec, part, section, report)
        elif part == "duties":
            _duties(spec, section)
        elif part == "ksas":
            spec.setdefault("ksas_heading", section["heading"])
            spec["ksas"].extend(_ksa(text, line) for line, text in split_items(section["lines"]))
        elif part == "competencies":
            _competencies(spec, section)
        elif part == "special_requirements":
            text = _paragraphs(section["lines"])
            kind = requirement_kind(section["heading"] + " " + text)
            spec["special_requirements"].append(
                {"heading": section["heading"], "text": text, "kind": kind, "line": section["start"].number}
            )
        else:
            _other(spec, section, last_standard, report)
            trailing.append(spec["other_sections"][-1])
            continue
        last_standard, trailing = part, []
    _place_trailing_sections(spec, last_standard, trailing)
    spec.update(quals.finish())
    if not seen_qualifications:
        report.warn(None, f"no minimum qualifications section found (read {len(raw_lines)} lines)")
    elif not spec["paths"]:
        report.warn(None, "the minimum qualifications section holds no qualification path")
    for part, what in [("duties", "duties"), ("ksas", "knowledges, skills and abilities")]:
        if not spec[part] and not any(p["part"] == part for p in report.parts):
            report.warn(None, f"no {what} section found")
    if not spec.get("department_name"):
        _department_from_text(spec, report)
    _series(spec, report)
    _check_nothing_lost(lines, spec, report)
    report.facts.update({key: spec[key] for key in [*HEADER_FACTS, "department_name", "series_name"] if spec.get(key)})
    if spec["history"]:
        report.facts["history"] = [
            f"{h['kind']} {h['date']:%m/%d/%Y} {h['reference']}".strip() for h in spec["history"]
        ]
    report.facts["counts"] = {part.name: len(spec[part.name]) for part in structure.PARTS if spec[part.name]}
    report.result = spec
    return spec, report


def _part_entry(section):
    return {"part": section["part"], "heading": section["heading"], "line": section["start"].number}


def _sections(lines, report):
    """Lines grouped under headings, in order; lines before the first known heading are the header."""
    sections = [{"part": "header", "heading": "", "lines": [], "start": lines[0] if lines else None}]
    in_qualifications = False
    for line in lines:
        known = match_heading(line.text)
        if known:
            part, heading, rest = known
            heading = heading.rstrip(":").strip()
            if part == "qualifications_part":
                if in_qualifications:
                    sections[-1]["lines"].append(line)
                    continue
                part, heading, rest = "qualifications_part", "", line.text
            in_qualifications = part in QUALIFICATION_PARTS
            sections.append({"part": part, "heading": heading, "lines": [], "start": line})
            if rest:
                sections[-1]["lines"].append(type(line)(line.number, rest, line.blank_before))
            continue
        if sections[-1]["part"] != "header" or line.text.endswith(":"):
            heading = unknown_heading(line.text)
            if heading and not (in_qualifications and MQ_WORDS.search(heading)):
                in_qualifications = False
                sections.append({"part": "other", "heading": heading, "lines": [], "start": line})
                continue
        sections[-1]["lines"].append(line)
    if sections[0]["start"] is None:
        report.warn(None, "the document holds no text")
    return sections


def _read_header(lines, spec, report):
    candidates, adoption_lines = [], []
    for line in lines:
        pairs = [header.read_fact(part) for part in header.split_pairs(line.text)]
        if not any(pairs):
            candidates.append(line)
            continue
        for pair in filter(None, pairs):
            _store_fact(spec, report, *pair, line=line)
            if pair[0] in DATE_FACTS:
                adoption_lines.append(line.text)
    if adoption_lines:
        spec["adoption_line"] = "\n".join(adoption_lines)
    titles = [line for line in candidates if not re.search(r":\s*\S|[.;]$", line.text)]
    if not spec["title"] and titles:
        title_line = titles[-1]
        candidates.remove(title_line)
        spec["title"] = title_line.text
        report.facts["title_line"] = title_line.number
    if not spec["title"]:
        report.warn(None, "no title found")
    unused = list(candidates)
    if unused:
        report.facts["header_lines_not_stored"] = [line.text for line in unused]
    prose = [line for line in unused if re.search(r"[.;]\s*$", line.text)]
    prose_numbers = {line.number for line in prose}  # a set: a list here made long headers quadratic
    spec["_unchecked_lines"] = {line.number for line in lines if line.number not in prose_numbers}
    if prose:
        report.warn(
            prose[0].number, "text before the first heading kept as a section titled “Text before the first heading”"
        )
        spec["other_sections"].append(
            {
                "heading": "Text before the first heading",
                "placement": SectionPlacement.AFTER_DISTINGUISHING_FEATURES.value,
                "layout": SectionLayout.PARAGRAPHS.value,
                "text": "\n\n".join(line.text for line in prose),
                "line": prose[0].number,
            }
        )


def _store_fact(spec, report, name, value, *, line):
    if name in DATE_FACTS or name == "established_by":
        if name == "established_by":
            for entry in spec["history"]:
                if entry["kind"] == "established":
                    entry["by"] = value
            return
        dates = header.parse_dates(value)
        if not dates:
            report.warn(line.number, f"no date could be read from “{value}”")
        for day, reference in dates:
            spec["history"].append({"kind": DATE_FACTS[name], "date": day, "reference": reference, "by": ""})
        return
    stored = header.normalise(name, value)
    if name == "department":
        name = "department_name"
    if not stored:
        report.warn(line.number, f"{name.replace('_', ' ')} “{value}” is not one the portal knows; left empty")
        return
    limit = {"code": 30, "salary_grade": 50, "bargaining_unit": 200}.get(name, 200)
    if len(stored) > limit:
        report.warn(line.number, f"{name.replace('_', ' ')} is longer than {limit} characters; left empty")
        return
    if spec.get(name) and spec[name] != stored:
        report.warn(line.number, f"{name.replace('_', ' ')} printed twice; the first, “{spec[name]}”, is kept")
        return
    spec[name] = stored


def _paragraphs(lines):
    """The lines as paragraphs (a blank line between), joining the lines of a paragraph wrapped by the page."""
    text = ""
    for line in lines:
        text += (" " if line.same_paragraph else "\n\n") + line.text if text else line.text
    return text


def _prose(spec, part, section, report):
    text = _paragraphs(section["lines"])
    if spec.get(part):
        report.warn(section["start"].number, f"a second “{section['heading']}” part; its text is added to the first")
        spec[part] += "\n\n" + text
        return
    spec[part] = text
    spec[f"{part}_heading"] = section["heading"]


def _duties(spec, section):
    spec.setdefault("duties_heading", section["heading"])
    items = split_items(section["lines"])
    notes = []
    while items and DUTIES_NOTE.search(items[-1][1]) and len(items) > 1:
        notes.insert(0, items.pop()[1])
    spec["duties"].extend({"text": text, "line": line.number} for line, text in items)
    if notes:
        spec["duties_note"] = "\n\n".join(filter(None, [spec.get("duties_note", ""), *notes]))


def _ksa(text, line):
    kind, level = ksa_kind_and_level(text)
    return {"text": text, "kind": kind, "level": level, "line": line.number}


def _competencies(spec, section):
    spec.setdefault("competencies_heading", section["heading"])
    for line in section["lines"]:
        found = competency(line.text)
        if found:
            spec["competencies"].append({"name": found[0], "description": found[1], "line": line.number})
        else:  # "Knowledge of interviewing techniques …" printed among the competencies
            spec["ksas"].append(_ksa(line.text, line))


def _other(spec, section, last_standard, report):
    lines = section["lines"]
    for line in lines:  # a class-detail block states facts too: "FLSA CODE: Non-Exempt"
        fact = header.read_fact(line.text)
        if fact and fact[0] not in {"title", "code"}:
            _store_fact(spec, report, *fact, line=line)
    is_list = len(lines) > 1 and all(len(line.text) <= 150 for line in lines)
    spec["other_sections"].append(
        {
            "heading": section["heading"][:200],
            "placement": PLACEMENT_AFTER[last_standard].value,
            "layout": (SectionLayout.LIST if is_list else SectionLayout.PARAGRAPHS).value,
            "text": "\n".join(line.text for line in lines) if is_list else _paragraphs(lines),
            "line": section["start"].number,
        }
    )


def _place_trailing_sections(spec, last_standard, trailing):
    """Other sections printed after the qualifications with no standard part after them read at the end
    (a CLASS DETAIL or CLASS HISTORY block closes the spec, after any special requirement)."""
    if last_standard in {"qualifications", "special_requirements"}:
        for section in trailing:
            section["placement"] = SectionPlacement.END.value


def _department_from_text(spec, report):
    """The department a spec without a "Department:" line names as where the position sits: "This position …
    within the Broome County Department of Social Services." The first such sentence of the statement parts."""
    for part in ("general_statement", "distinguishing_features"):
        for sentence in re.split(r"(?<=[.!?])\s+", spec.get(part, "")):
            found = DEPARTMENT_IN_TEXT.search(sentence)
            if found and POSITION_WORDS.search(sentence[: found.start()]):
                spec["department_name"] = found["name"]
                report.facts["department_read_from"] = part
                return


def _series(spec, report):
    title = spec["title"]
    if re.search(r"\b(?:I|II|III)\s*(?:,|/|-|–|and|&)\s*(?:I{1,3}|IV)\b", title) or re.search(
        r"\bseries\b", title, re.I
    ):
        report.warn(
            None,
            f"“{title}” reads as a series spec (several levels in one text): imported as one draft; split it into one class per level",
        )
        return
    found = SERIES_TITLE.match(title)
    if found:
        spec["series_name"] = found["name"].strip()
        spec["series_level"] = SERIES_LEVELS[found["level"]]


SENTENCE = re.compile(r"(?<=[.;:])\s+")
MARKER = re.compile(r"^(?:(?:either|or|and)\b:?\s*)?(?:\(?[A-Za-z0-9]{1,4}[.)]\s+)?\**\s*", re.IGNORECASE)


def _check_nothing_lost(lines, spec, report):
    """Warn about any sentence of the source that is stored nowhere (the promise of the importer)."""
    unchecked = spec.pop("_unchecked_lines", set())
    stored = " ".join(" ".join(_strings(spec)).split())
    for line in lines:
        if line.number in unchecked:
            continue  # header facts and header lines: reported as facts, not as text
        for fragment in SENTENCE.split(line.text):
            fragment = MARKER.sub("", fragment.strip()).rstrip(":").strip()
            if len(fragment) > 3 and fragment not in stored:
                report.warn(line.number, f"text not stored anywhere: “{fragment[:80]}”")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        if "name" in value and "description" in value:
            yield f"{value['name']} – {value['description']}"
        for key, item in value.items():
            if key not in {"kind", "level", "placement", "layout", "line"}:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
