"""The importer's promise, checked on every document: each sentence of the source is somewhere in the drafts."""

import dataclasses
import re

SENTENCE = re.compile(r"(?<=[.;:])\s+")
MARKER = re.compile(r"^(?:(?:either|or|and)\b:?\s*)?(?:\(?[A-Za-z0-9]{1,4}[.)]\s+)?\**\s*", re.IGNORECASE)
# Values stored beside the text that no reader reads as words.
NOT_TEXT = {"kind", "level", "placement", "layout", "line", "connector", "license_needed_by", "status_required"}


def check_nothing_lost(blocks, document, *, skipped=()):
    """Warn about each sentence of the source that no draft stores. `skipped`: lines read as header facts."""
    texts = dict.fromkeys(text for spec in document.specs for text in stored_texts(spec))  # levels share text
    stored = " ".join(" ".join(texts).split())
    for block in blocks:
        if block.line in skipped or block.line in document.unstored:
            continue
        for fragment in SENTENCE.split(block.text):
            fragment = MARKER.sub("", fragment.strip()).rstrip(":").strip()
            if len(fragment) > 3 and fragment not in stored:
                document.warn(block.line, f"text not stored anywhere: “{fragment[:80]}”")


def stored_texts(value):
    """Every piece of text a parsed spec would store."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        if hasattr(value, "name") and hasattr(
            value, "description"
        ):  # a competency prints as its name, a dash, its description
            yield f"{value.name} – {value.description}"
        for field in dataclasses.fields(value):
            if field.name not in NOT_TEXT:
                yield from stored_texts(getattr(value, field.name))
    elif isinstance(value, list):
        for item in value:
            yield from stored_texts(item)
