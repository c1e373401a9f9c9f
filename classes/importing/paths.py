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
from functools import lru_cache

from classes.vocabulary import PathKind

from . import facts, wording
from .blocks import HEADING, ITEM
from .cleaning import CONNECTOR_ONLY
from .numbers import durations
from .result import OtherSection, Path, TimeInTitle
from .substitutions import definition, substitution

DEFINITION = re.compile(r"^(?P<marker>\*{1,3}|†)\s*(?P<body>.+)$")
NOTE_LABEL = re.compile(r"^(?P<label>(?:special |process )?notes?\s*\d*\s*:)\s*(?P<text>.*)$", re.IGNORECASE)
NOTES_HEADING = re.compile(r"^(?:special |process |important )?notes?$", re.IGNORECASE)
TRAILING = re.compile(r"(?:[;,]\s*|\s+)(?P<word>or|and)[,:]?$", re.IGNORECASE)
LEADING = re.compile(r"^(?P<word>or|and)\b[,:]?\s+(?=[A-Z(])", re.IGNORECASE)
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
INLINE_EITHER = re.compile(
    r"^(?P<before>.*?)\b(?P<either>Either)\s+(?P<label>I|1\.?|\(?[aA1]\)|A\.)\s+(?P<rest>[A-Z].*)$"
)


def label_style(label):
    """(style, number) of a printed label: ("roman", 2) for "II", ("digit", 3) for "3.", ("upper", 1) for "(A)"."""
    printed = label.strip("().: ").split()[-1] if label and label.strip("().: ") else ""
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
        self.last_definition = None  # a footnote the next paragraph may run on from

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
        if block.kind == HEADING and NOTES_HEADING.match(block.heading) and not block.rest:
            self.finish_parked()
            self.in_notes = OtherSection(block.heading, "", "after_qualifications", "list", block.line)
            self.notes.append(self.in_notes)
            return
        parked, self.parked = self.parked, None
        if parked is not None:
            if wording.SUBSTITUTES.search(block.text) and block.kind != HEADING:
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
        if self.in_notes is not None:
            self._note(block)
            return
        found = DEFINITION.match(text)
        if found:
            self.last_definition = definition(found["marker"], found["body"])
            self.last_definition.line = block.line
            self.definitions.append(self.last_definition)
            return
        if self._runs_on(block):
            self.last_definition.text += "\n\n" + text
            return
        self.last_definition = None
        inline = INLINE_EITHER.match(text) if "ither" in text else None
        if inline and self.group.style is None:  # "Experience: Either I One year …": what comes before is shared
            if inline["before"].strip():
                self.group.add_preamble(inline["before"].strip(), block.line)
            self._start(inline["label"], inline["either"], block.line, inline["rest"])
            return
        if block.kind == ITEM and block.label and self._starts_alternative(block):
            if not self.group.drafts and self.group.has_text and label_style(block.label)[1] == 2:
                self._implicit_first(block)
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

    def _implicit_first(self, block):
        """ "Or II" after text with no "I": that text is the first alternative, its label not printed."""
        group = self.group
        group.drafts.append(Draft(group.kind, "", "", group.line, pieces=group.preamble))
        group.preamble = []
        self.document.doubt(
            group.line, "paths", "the text before it is the first alternative", f"“{block.text[:20]}” follows it"
        )

    def _starts_alternative(self, block):
        style = label_style(block.label)
        last = self.group.style
        if last is None and style[1] == 2 and self.group.has_text and not self.group.drafts:
            return True
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
        if note and wording.SUBSTITUTES.search(note["text"]):
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
        elif wording.SUBSTITUTES.search(text):
            self._rule("", text, block.line, draft if text.startswith("(") else None)
        else:
            draft.after.append(text)

    def _rule(self, label, text, line, path):
        self.substitutions.append(substitution(label, text, path=path))
        self.substitutions[-1].line = line

    def _runs_on(self, block):
        """A footnote's next paragraph: not a new item, rule, connector or heading."""
        return (
            self.last_definition is not None
            and block.kind not in (ITEM, HEADING)
            and not CONNECTOR_ONLY.match(block.text)
            and not wording.SUBSTITUTES.search(block.text)
            and not block.text.endswith(":")
        )

    def _note(self, block):
        text = block.text
        body = block.body if block.kind == ITEM else text
        if wording.SUBSTITUTES.search(body):  # a rule among the notes: a substitution, its number its label
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
            for alternative in alternatives:
                split = split_by_years(alternative, self.document)
                for draft in split:
                    for part in [draft, *draft.absorbed]:
                        drafts[id(part)] = len(read.paths)
                    read.paths.append(self._path(draft, preamble, notes, read.paths))
                if len(split) > 1 and any(path.service for path in read.paths[-len(split) :]):
                    # "… or four years as B in the … state service": the service closes every alternative.
                    for path in read.paths[-len(split) :]:
                        path.kind, path.service = read.paths[-1].kind, path.service or read.paths[-1].service
        for rule in self.substitutions:  # a rule printed in a path names it by its place among the paths
            rule.path = drafts.get(id(rule.path)) if rule.path is not None else _named_path(rule.text, read.paths)
        return read

    def _path(self, draft, preamble, notes, earlier):
        own = "\n".join(draft.pieces)
        text = "\n".join([own, *draft.after]) if draft.after else own
        path = Path(kind=draft.kind, text=text, label=draft.label, connector=draft.connector, line=draft.line)
        if not text:
            self.document.warn(draft.line, " ".join(filter(None, ["qualification path", draft.label, "has no text"])))
        requirement = wording.flat(wording.requirement_text(own))
        read_facts(path, requirement, wording.flat(preamble), notes, earlier, self.document)
        return path


@dataclass
class QualificationsRead:
    paths: list = field(default_factory=list)
    substitutions: list = field(default_factory=list)
    definitions: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # other sections: notes printed among the qualifications
    headings: dict = field(default_factory=dict)  # kind: heading as printed
    preambles: dict = field(default_factory=dict)  # kind: text before the alternatives, and what they all require


NAMES_A_PATH = re.compile(
    r"\b(?:requirement|pattern|path|alternative)\s*(?:#\s*|no\.\s*)?(?P<label>\d{1,2}|[IVX]{1,4}|[A-H])\b"
)


def _named_path(text, paths):
    """The index of the one path a rule printed apart names ("… of the experience in requirement 3"), else None."""
    named = {match["label"] for match in NAMES_A_PATH.finditer(text)}
    found = [i for i, path in enumerate(paths) if path.label.strip("().: ") in named]
    return found[0] if len(named) == 1 and len(found) == 1 else None


@lru_cache(maxsize=4096)
def _rules_apart(text):
    """(the text without its substitution rules, the rules): a rule is a sentence or a parenthesis naming one."""
    if not wording.SUBSTITUTES.search(text):
        return text, ()
    rules = [m.group() for m in wording.PARENTHESES.finditer(text) if wording.SUBSTITUTES.search(m.group())]
    rest = text
    for rule in rules:
        rest = rest.replace(rule, " ")
    sentences = wording.SENTENCE.split(rest)
    kept = [s for s in sentences if not wording.SUBSTITUTES.search(s)]
    rules += [s for s in sentences if wording.SUBSTITUTES.search(s)]
    own = " ".join(" ".join(kept).split())
    return own, tuple(rule.strip() for rule in rules if rule.strip())


def _joined(group, document):
    """(alternatives, shared requirements) of a group's labelled items, by the connectors printed between them."""
    drafts = group.drafts
    if drafts and _list_in_lead_in(group):
        # "… in one or a combination of the following: 1. … 2. …": a list inside the requirement it completes.
        only = Draft(group.kind, "", "", group.line, pieces=list(group.preamble), absorbed=drafts)
        for draft in drafts:
            only.pieces.append(" ".join(filter(None, [draft.connector, draft.label, *draft.pieces])))
            only.after.extend(draft.after)
        group.preamble, drafts = [], [only]
    if not drafts and group.has_text:  # no alternatives: the text under the heading is the one path
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


def _list_in_lead_in(group):
    """Whether the labelled items complete the text before them, which ends "… the following:" and states the
    requirement the items do not (its years or education): then they are one path, not alternatives."""
    lead_in = group.preamble[-1].rstrip() if group.preamble else ""
    if not lead_in.endswith(":") or not group.has_text:
        return False
    text = wording.flat(" ".join(group.preamble))
    if facts.experience_years(text)[0] is None and not facts.education_level(text):
        return False
    return not any(
        facts.experience_years(" ".join(draft.pieces))[0] is not None or facts.education_level(" ".join(draft.pieces))
        for draft in group.drafts
    )


OR_BEFORE = re.compile(r"(?P<or>,?\s+or\s+)(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
OF_EXPERIENCE_OR_TITLE = re.compile(r"\s+(?:of\s+)?(?:[\w-]+\s+){0,4}?(?:experience|as)\b", re.IGNORECASE)


def split_by_years(draft, document):
    """A path printing alternatives of different lengths in one sentence ("Two years as A, or four years as B")
    is that many paths, each with its part of the wording; where they state the same years it stays whole."""
    own = "\n".join(draft.pieces)
    if "\n" in own or " or " not in own:
        return [draft]
    cuts = []
    for duration in durations(own)[1:]:
        joined = OR_BEFORE.search(own, max(0, duration.start - 40), duration.start)
        if joined and OF_EXPERIENCE_OR_TITLE.match(own, duration.end):
            cuts.append(joined.end("or"))
    if not cuts:
        return [draft]
    pieces = [own[start:end].strip() for start, end in itertools.pairwise([0, *cuts, len(own)])]
    years = [facts.experience_years(piece)[0] for piece in pieces]
    if None in years or len(set(years)) == 1:
        return [draft]
    document.doubt(
        draft.line, "paths", f"{len(pieces)} alternatives", "one sentence gives different years, joined by “or”"
    )
    split = [Draft(draft.kind, draft.label, draft.connector, draft.line, pieces=[pieces[0]], absorbed=[draft])]
    split += [Draft(draft.kind, "", "", draft.line, pieces=[piece]) for piece in pieces[1:]]
    split[-1].after = draft.after
    return split


def read_facts(path, requirement, preamble, notes, earlier, document):
    """Fills `path` with the facts its wording states, and those of the preamble every alternative shares."""
    found, doubt = facts.path_facts(requirement, preamble, notes, path.kind == PathKind.PROMOTIONAL.value)
    for name, value in found.items():
        setattr(path, name, value)
    path.titles = [TimeInTitle(*title) for title in found.get("titles", ())]
    if doubt:
        document.doubt(path.line, "experience_years", f"{path.experience_years} years", doubt)
    if path.experience_years and not path.experience_kinds and facts.AS_DEFINED_ABOVE.search(requirement):
        path.experience_kinds = next((p.experience_kinds for p in reversed(earlier) if p.experience_kinds), "")
