"""The importer's promise, checked on every document: each sentence of the source is somewhere in the drafts."""

import dataclasses
import re
from functools import cache

from .result import Competency

SENTENCE = re.compile(r"(?<=[.;:])\s+|(?<=[.;:][)\"'”\]])\s+")
MARKER = re.compile(r"^(?:(?:either|or|and)\b:?\s*)?(?:\(?[A-Za-z0-9]{1,4}[.)]\s+)?\**\s*", re.IGNORECASE)
# Facts read from the wording and stored beside it, and values no reader reads as words: the wording is elsewhere.
NOT_TEXT = {
    "kind", "level", "placement", "layout", "line", "license_needed_by", "status_required", "education_level",
    "education_fields", "credit_hour_subjects", "experience_kinds", "excluded_experience", "licenses", "service",
    "education_beyond", "term", "titles", "history", "series_name",
}  # fmt: skip


def check_nothing_lost(blocks, document, *, skipped=()):
    """Warn about each sentence of the source that no draft stores. `skipped`: lines read as header facts."""
    stored = " ".join(" ".join(stored_texts(document.specs, set())).split())
    for block in blocks:
        if block.line in skipped or block.line in document.unstored or block.text in stored:
            continue
        for fragment in SENTENCE.split(block.text):
            fragment = MARKER.sub("", fragment.strip()).rstrip(":").strip()
            if len(fragment) > 3 and fragment not in stored:
                document.warn(block.line, f"text not stored anywhere: “{fragment[:80]}”")


def stored_texts(value, seen, texts=None):
    """Every piece of text a parsed spec would store, in the order it prints; `seen`: the ids of the parts walked
    already, each walked once (the levels of a series hold the same parts). Gathered into one list rather than
    yielded: a generator per dataclass and list took half the time of this check, a tenth of a document's parse."""
    texts = [] if texts is None else texts
    kind = type(value)
    if kind is str:
        texts.append(value)
    elif kind is list:
        for item in value:
            stored_texts(item, seen, texts)
    elif hasattr(kind, "__dataclass_fields__") and id(value) not in seen:
        seen.add(id(value))
        if kind is Competency:  # printed as its name, a dash, its description
            texts.append(f"{value.name} – {value.description}")
        for name in _text_fields(kind):
            stored_texts(getattr(value, name), seen, texts)
    return texts


@cache
def _text_fields(kind):
    return [field.name for field in dataclasses.fields(kind) if field.name not in NOT_TEXT]
