"""Numbers and lengths of time as specs print them: "two (2)", "three", "2", "1.5", "one-half", "eighteen months"."""

import re
from dataclasses import dataclass
from decimal import Decimal

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "eighteen": 18, "twenty": 20, "twenty-four": 24, "thirty": 30, "thirty-six": 36, "forty": 40, "forty-five": 45,
    "sixty": 60, "ninety": 90, "one-half": Decimal("0.5"), "one and one-half": Decimal("1.5"), "half": Decimal("0.5"),
}  # fmt: skip
_WORD_NUMBER = "|".join(re.escape(word) for word in sorted(WORDS, key=len, reverse=True))
# A number word or figure, optionally followed by the figure in parentheses: "two (2)".
NUMBER = r"(?P<number>\d+(?:\.\d+)?|(?:" + _WORD_NUMBER + r"))(?:\s*\(\s*(?P<figure>\d+(?:\.\d+)?)\s*\))?"


@dataclass(frozen=True)
class Duration:
    """A length of time printed in a text: where it is, and how many years it is."""

    start: int
    end: int
    years: Decimal


_UNIT = re.compile(r"year|month")  # searched in lower case: a literal search, fast on long texts
_NUMBER_BEFORE = re.compile(
    r"(?<![\w-])(?P<number>\d+(?:\.\d+)?|(?:"
    + _WORD_NUMBER
    + r"))(?:\s*\(\s*(?P<figure>\d+(?:\.\d+)?)\s*\))?\s+(?:full[- ]time\s+)?(?:calendar\s+)?$"
)


def durations(text):
    """Every length of time the text prints ("two (2) years", "eighteen months"), in order.

    Found from the words "year" and "month", the number looked for just before each: one pass over the text
    whatever its length, where a pattern starting with the number would try every number word at every letter.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): positions must stay the text's
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found = []
    for unit in _UNIT.finditer(lowered):
        start, end = unit.start(), unit.end()
        if start and lowered[start - 1].isalpha():
            continue
        end += lowered.startswith("s", end)
        if lowered[end : end + 1].isalpha():  # "yearly", "monthly"
            continue
        end += lowered.startswith("'", end)
        number = _NUMBER_BEFORE.search(lowered, max(0, start - 40), start)
        if number:
            value = Decimal(number["figure"]) if number["figure"] else _value(number["number"])
            years = (value / 12).quantize(Decimal("0.01")).normalize() if unit.group() == "month" else value
            found.append(Duration(number.start(), end, years))
    return found


def _value(word):
    return Decimal(word) if re.fullmatch(r"\d+(?:\.\d+)?", word) else Decimal(WORDS[word])
