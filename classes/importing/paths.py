"""Minimum qualifications: the alternative paths a section prints, how they join, and the rules and notes beside them.

The first labelled item sets the labels of the alternatives (I, II … / 1, 2 … / A, B …); a label of another kind,
or out of sequence, is part of the path above it ("Experience: Either 1. … or 2. …" inside path II). Connectors
printed between alternatives ("; or", "; and", "OR:", "Either I … Or II") say how they join: items joined by "and"
to alternatives joined by "or" are a requirement of every alternative, kept as the group's preamble and read into
each path; items all joined by "and" are one path. Text before the first alternative is the preamble; a section
without alternatives is one path.
"""

import itertools
import re
from dataclasses import dataclass, field

from classes.vocabulary import PathKind

from . import facts
from .blocks import HEADING, ITEM
from .cleaning import CONNECTOR_ONLY
from .result import OtherSection, Path, TimeInTitle
from .substitutions import definition, substitution

DEFINITION = re.compile(r"^(?P<marker>\*{1,3}|†)\s*(?P<body>.+)$")
NOTE_LABEL = re.compile(r"^(?P<label>(?:special |process )?notes?\s*\d*\s*:)\s*(?P<text>.*)$", re.IGNORECASE)
NOTES_HEADING = re.compile(r"^(?:special |process |important )?notes?$", re.IGNORECASE)
TRAILING = re.compile(r"(?:[;,]\s*|\s+)(?P<word>or|and)[,:]?$", re.IGNORECASE)
LEADING = re.compile(r"^(?P<word>or|and)\b[,:]?\s+(?=[A-Z(])", re.IGNORECASE)
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
TIME_IN_TITLE = re.compile(
    facts.DURATION + r"(?:(?!\byears?\b).){0,120}?\b(?:as|in the (?:class|title) of)(?:\s+an?)?\s*:?\s+", re.IGNORECASE
)
AT_THAT_LEVEL = re.compile(
    r"\bor (?:in )?(?:a|an|any) (?:class|position|title) (?:at|of) (?:that|an equivalent|a comparable) level", re.I
)
PROMOTIONAL_SERVICE = re.compile(
    r"^(?:(?!\(experience in).)*?\b(?:experience|employ\w*|status|service)\b[^.;]{0,80}?"
    r"\b(?:with|in|for|within)\s+(?:the\s+)?(?:City|County|State|Town|Village) of\s+[A-Z]"
    r"|^(?:(?!\(experience in).)*?\bin\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?state service\b"
    r"|\bcurrent(?:ly)?\s+employ|\bpermanent\s+(?:competitive\s+)?status",
    re.IGNORECASE,
)


def label_style(label):
    """(style, number) of a printed label: ("roman", 2) for "II", ("digit", 3) for "3.", ("upper", 1) for "(A)"."""
    printed = label.strip("().: ") if label else ""
    if not printed:
        return "bullet", 0
    if printed.isdigit():
        return "digit", int(printed)
    if printed in ROMAN:
        return "roman", ROMAN.index(printed) + 1
    if len(printed) == 1 and printed.isalpha():
        return ("upper" if printed.isupper() else "lower"), ord(printed.upper()) - ord("A") + 1
    return "other", 0


@dataclass
class Draft:
    """A path being read: its label line and the text printed under it."""

    kind: str
    label: str
    connector: str
    line: int
    pieces: list[str] = field(default_factory=list)  # its own wording, a piece per block
    after: list[str] = field(default_factory=list)  # paragraphs printed after an item with text of its own
    trailing: str = ""  # "or" / "and" printed at its end
    absorbed: list = field(default_factory=list)  # items joined by "and" into this one path

    @property
    def open_body(self):
        """An item printed as a label alone ("Or II") takes the paragraphs after it as its text."""
        return not self.pieces or len(self.pieces) > 1 or self.pieces[0].endswith(":")


@dataclass
class Group:
    """The paths under one heading (open-competitive, promotional, or the qualifications as a whole)."""

    kind: str
    heading: str = ""
    line: int = 0
    preamble: list[str] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    style: tuple | None = None  # (style, number) of the last alternative's label
    pending: str = ""  # a connector printed on its own line, for the alternative after it

    @property
    def has_text(self):
        return any(not CONNECTOR_ONLY.match(line) for line in self.preamble)

    def add_preamble(self, text, line):
        self.line = self.line if self.preamble else line
        self.preamble.append(text)


class QualificationsReader:
    """Reads the blocks of the minimum qualifications, heading by heading, into paths, rules and notes."""

    def __init__(self, document):
        self.document = document
        self.groups = [Group(PathKind.OPEN_COMPETITIVE.value)]
        self.substitutions, self.definitions, self.notes = [], [], []
        self.in_notes = None  # the notes section being read after a "NOTES:" heading
        self.parked = None  # a "Label:" line that may label the rule after it
        self.last_rule = None  # a substitution or definition a following line may run on from

    @property
    def group(self):
        return self.groups[-1]

    @property
    def current(self):
        return self.group.drafts[-1] if self.group.drafts else None

    def heading(self, kind, heading, line):
        """An open-competitive or promotional part begins."""
        self.finish_parked()
        self.in_notes = None
        if not (self.group.drafts or self.group.preamble) and not self.group.heading:
            self.groups.pop()
        self.groups.append(Group(kind, heading, line))

    def block(self, block):
        """Reads one block; a short "Label:" line waits to see whether it labels the rule after it."""
        parked, self.parked = self.parked, None
        if parked is not None:
            if facts.SUBSTITUTES.search(block.text) and block.kind != HEADING:
                self._rule(parked.text, block.body if block.kind == ITEM else block.text, block.line, None)
                return
            self._read(parked)
        short_label = block.text.endswith(":") and len(block.text.split()) <= 5 and not CONNECTOR_ONLY.match(block.text)
        if short_label and not (block.kind == ITEM and block.label) and self.in_notes is None:
            self.parked = block
            return
        self._read(block)

    def finish_parked(self):
        if self.parked is not None:
            parked, self.parked = self.parked, None
            self._read(parked)

    def _read(self, block):
        text = block.text
        if block.kind == HEADING and NOTES_HEADING.match(block.heading) and not block.rest:
            self.in_notes = OtherSection(block.heading, "", "after_qualifications", "list", block.line)
            self.notes.append(self.in_notes)
            return
        if self.in_notes is not None:
            self._note(block)
            return
        found = DEFINITION.match(text)
        if found:
            self.definitions.append(definition(found["marker"], found["body"]))
            self.definitions[-1].line = block.line
            self.last_rule = self.definitions[-1]
            return
        if self._runs_on(block):
            self.last_rule.text += "\n\n" + text
            return
        self.last_rule = None
        if block.kind == ITEM and block.label and self._starts_alternative(block):
            self._start(block.label, block.connector, block.line, block.body)
            return
        if CONNECTOR_ONLY.match(text):
            group = self.group
            if text.lower().startswith("either") or not (group.drafts or group.has_text):
                group.add_preamble(text, block.line)
                return
            if not group.drafts:  # "… OR …" between unlabelled paragraphs: what came before is the first path
                group.drafts.append(Draft(group.kind, "", "", group.line, pieces=group.preamble))
                group.preamble = []
            group.pending = text
            return
        leading = LEADING.match(text)
        if leading and (self.group.drafts or self.group.preamble) and block.kind != ITEM:
            self._start("", leading["word"], block.line, text[leading.end() :])
            return
        self._text(block, text)

    def _starts_alternative(self, block):
        style = label_style(block.label)
        last = self.group.style
        if last is None:
            return style[0] != "bullet" and style[0] != "other"
        if style[0] == last[0] and style[1] == last[1] + 1:
            return True
        return last == ("roman", 1) and style == ("digit", 2)  # "I." typed for "1." before "2."

    def _start(self, label, connector, line, body):
        group = self.group
        connector = connector or group.pending
        group.pending = ""
        group.style = label_style(label) if label else group.style
        draft = Draft(group.kind, label, connector, line)
        group.drafts.append(draft)
        if body:
            self._add(draft, body)

    def _add(self, draft, text):
        """Text of a path: its substitution rules read apart, "; or" at its end kept as how it joins the next."""
        own, rules = _rules_apart(text)
        for rule in rules:
            self.substitutions.append(substitution("", rule, path=draft))
        if own:
            trailing = TRAILING.search(own)
            draft.trailing = trailing["word"].lower() if trailing else ""
            draft.pieces.append(own)

    def _text(self, block, text):
        draft, group = self.current, self.group
        note = NOTE_LABEL.match(text)
        if note and facts.SUBSTITUTES.search(note["text"]):
            self._rule(note["label"], note["text"], block.line, None)
            return
        if group.pending:  # the alternative after an "OR" printed on its own line
            self._start("", "", block.line, text)
            return
        if draft is None and block.kind == HEADING and not block.rest and group.has_text:
            group.add_preamble("\n" + text, block.line)  # "Experience Requirement:" after the education's text
            return
        if draft is None:
            own, rules = _rules_apart(text)
            if own:
                group.add_preamble(text if not rules else own, block.line)
            for rule in rules:
                self._rule("", rule, block.line, None)
            return
        if block.kind == HEADING and not block.rest and draft.pieces:  # "Experience Requirement:" within a path
            draft.pieces.append("\n" + text)
        elif (block.kind == ITEM and block.label) or draft.open_body or block.kind == HEADING or block.same_paragraph:
            self._add(draft, text)  # its text, or a list inside it: "Experience: Either 1. … or 2. …"
        elif facts.SUBSTITUTES.search(text):
            self._rule("", text, block.line, draft if text.startswith("(") else None)
        else:
            draft.after.append(text)

    def _rule(self, label, text, line, path):
        self.substitutions.append(substitution(label, text, path=path))
        self.substitutions[-1].line = line
        self.last_rule = self.substitutions[-1]

    def _runs_on(self, block):
        """A rule's next paragraph: not a new item, rule, connector or heading."""
        return (
            self.last_rule is not None
            and block.kind not in (ITEM, HEADING)
            and not CONNECTOR_ONLY.match(block.text)
            and not facts.SUBSTITUTES.search(block.text)
            and not block.text.endswith(":")
            and self.last_rule.__class__.__name__ == "Definition"
        )

    def _note(self, block):
        text = block.text
        body = block.body if block.kind == ITEM else text
        if facts.SUBSTITUTES.search(body) and not self.in_notes.text:
            self._rule(block.label, body, block.line, None)
            return
        self.in_notes.text += ("\n" if self.in_notes.text else "") + text

    def finish(self):
        """The paths read, in order, with their facts; each group's heading and preamble; the rules and notes."""
        self.finish_parked()
        read = QualificationsRead(substitutions=self.substitutions, definitions=self.definitions, notes=self.notes)
        notes = " ".join(note.text for note in self.notes)
        drafts = {}  # id of a draft: the index of the path it became
        for group in self.groups:
            alternatives, shared = _joined(group, self.document)
            preamble = "\n".join(group.preamble + shared)
            if group.heading or group.kind not in read.headings:
                read.headings[group.kind] = group.heading
            if preamble:
                read.preambles[group.kind] = "\n".join(filter(None, [read.preambles.get(group.kind), preamble]))
            for draft in alternatives:
                for part in [draft, *draft.absorbed]:
                    drafts[id(part)] = len(read.paths)
                read.paths.append(self._path(draft, preamble, notes, read.paths))
        for rule in self.substitutions:  # a rule printed in a path names it by its place among the paths
            rule.path = drafts.get(id(rule.path)) if rule.path is not None else None
        return read

    def _path(self, draft, preamble, notes, earlier):
        own = "\n".join(draft.pieces)
        text = "\n".join([own, *draft.after]) if draft.after else own
        path = Path(kind=draft.kind, text=text, label=draft.label, connector=draft.connector, line=draft.line)
        if not text:
            self.document.warn(
                draft.line, " ".join(["qualification path", draft.label, "has no text"]).replace("  ", " ")
            )
        requirement = facts.flat(facts.requirement_text(own))
        read_facts(path, requirement, facts.flat(preamble), notes, earlier, self.document)
        return path


@dataclass
class QualificationsRead:
    paths: list = field(default_factory=list)
    substitutions: list = field(default_factory=list)
    definitions: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # other sections: notes printed among the qualifications
    headings: dict = field(default_factory=dict)  # kind: heading as printed
    preambles: dict = field(default_factory=dict)  # kind: text before the alternatives, and what they all require


def _rules_apart(text):
    """(the text without its substitution rules, the rules): a rule is a sentence or a parenthesis naming one."""
    if not facts.SUBSTITUTES.search(text):
        return text, []
    rules = [m.group() for m in facts.PARENTHESES.finditer(text) if facts.SUBSTITUTES.search(m.group())]
    rest = text
    for rule in rules:
        rest = rest.replace(rule, " ")
    sentences = facts.SENTENCE.split(rest)
    kept = [s for s in sentences if not facts.SUBSTITUTES.search(s)]
    rules += [s for s in sentences if facts.SUBSTITUTES.search(s)]
    own = " ".join(" ".join(kept).split())
    return own, [rule.strip() for rule in rules if rule.strip()]


def _joined(group, document):
    """(alternatives, shared requirements) of a group's labelled items, by the connectors printed between them."""
    drafts = group.drafts
    if not drafts and any(not CONNECTOR_ONLY.match(line) for line in group.preamble):
        # No alternatives: the text under the heading is the one path.
        only = Draft(group.kind, "", "", group.line, pieces=list(group.preamble))
        group.preamble = []
        return [only], []
    if len(drafts) < 2:
        return drafts, []
    joins = []
    for before, after in itertools.pairwise(drafts):
        word = (after.connector or before.trailing or "or").lower().strip(":,")
        joins.append("and" if word == "and" else "or")
    if "or" not in joins:  # every item joined by "and": one path
        merged = Draft(group.kind, "", drafts[0].connector, drafts[0].line, absorbed=drafts)
        for draft in drafts:
            merged.pieces.append(" ".join(filter(None, [draft.label, *draft.pieces])))
            merged.after.extend(draft.after)
        return [merged], []
    if "and" not in joins:
        return drafts, []
    runs, current = [], [drafts[0]]
    for join, draft in zip(joins, drafts[1:], strict=False):
        if join == "or":
            current.append(draft)
        else:
            runs.append(current)
            current = [draft]
    runs.append(current)
    alternatives = max(runs, key=len)
    shared = []
    for run in runs:
        if run is alternatives:
            continue
        for draft in run:
            shared.append(" ".join(filter(None, [draft.connector, draft.label, *draft.pieces, *draft.after])))
            if draft.line > alternatives[0].line:
                document.doubt(
                    draft.line,
                    "preamble",
                    "read as a requirement of every alternative, shown before them",
                    "it is joined by “and” to alternatives joined by “or”, after them",
                )
    return alternatives, shared


def read_facts(path, requirement, preamble, notes, earlier, document):
    """Fills `path` with the facts its wording states, and those of the preamble every alternative shares."""
    if re.search(r"equivalent combination|any combination of (?:education|training)", requirement, re.IGNORECASE):
        path.is_equivalent_combination = True
        return
    path.education_level = facts.education_level(requirement) or facts.education_level(preamble)
    fields = re.search(
        r"(?:degree|major|specialization|graduation from college)\s+(?:with\s+a\s+major\s+)?in\s+(?P<fields>.+?)"
        r"(?=,?\s+and\s+(?:\w+\s+){0,2}\(?\d|,?\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|\s+which\b|;|\.\s|\.$|$)",
        requirement,
        re.IGNORECASE,
    )
    if fields:
        path.education_fields = "\n".join(facts.split_list(fields["fields"]))
    semester, quarter, total, subjects = facts.credit_units(requirement)
    path.credit_hours, path.quarter_units, path.total_credit_hours = semester, quarter, total
    path.credit_hour_subjects = subjects
    timed = "year" in requirement or "month" in requirement or "YEAR" in requirement or "MONTH" in requirement
    years, doubt = facts.experience_years(requirement) if timed else (None, "")
    path.experience_years = years
    if doubt:
        document.doubt(path.line, "experience_years", f"{years} years", doubt)
    if years:
        path.experience_kinds = facts.experience_kinds(requirement, requirement, earlier)
        if "upervis" in requirement:
            path.supervisory_years = facts.supervisory_years(requirement, years)
    if re.search(r"\bpaid\b", requirement, re.IGNORECASE):
        path.paid_experience = True
    if facts.PART_TIME.search(requirement):
        path.part_time_accepted = True
    hours = facts.HOURS_PER_WEEK.search(requirement)
    if hours and re.search(r"full[- ]time", requirement, re.IGNORECASE):
        path.full_time_hours_per_week = int(hours["hours"])
    if facts.COMPLETE_YEARS.search(requirement + " " + notes):
        path.complete_years_only = True
    licenses, needed_by, within = facts.licenses(requirement)
    shared_licenses, shared_needed_by, shared_within = facts.licenses(preamble)
    path.licenses = "\n".join([*shared_licenses, *[item for item in licenses if item not in shared_licenses]])
    path.license_needed_by = needed_by or shared_needed_by
    path.license_within_months = within or shared_within
    path.excluded_experience = "\n".join(facts.excluded_experience(requirement + " " + notes))
    path.service = facts.service(requirement)
    if re.search(r"\bpermanent\s+(?:[\w-]+\s+){0,3}?status", requirement, re.IGNORECASE):
        path.status_required = "permanent"
    elif re.search(r"\bcurrent(?:ly)?\s+employ", requirement, re.IGNORECASE):
        path.status_required = "current_employment"
    if path.kind != PathKind.PROMOTIONAL.value and PROMOTIONAL_SERVICE.search(requirement):
        path.kind = PathKind.PROMOTIONAL.value
    if path.kind == PathKind.PROMOTIONAL.value:
        path.titles = time_in_title(requirement)


def time_in_title(text):
    """The titles a promotional path names, with the years of each: "One year … status as a Senior Clerk or …"."""
    found = []
    for match in TIME_IN_TITLE.finditer(text):
        years = facts.to_years(match)
        rest = text[match.end() :]
        at_level = bool(AT_THAT_LEVEL.search(rest[:200]))
        found.extend(TimeInTitle(title, years, at_level) for title in _title_list(rest))
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
