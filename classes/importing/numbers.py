"""Numbers and lengths of time as specs print them: "two (2)", "three", "2", "1.5", "one-half", "eighteen months"."""

import re
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
# A length of time: "two (2) years", "eighteen months", "one year". `unit` says which.
DURATION = NUMBER + r"\s+(?:full[- ]time\s+)?(?:calendar\s+)?(?P<unit>years?|months?)'?"


def to_decimal(match, group="number", figure="figure"):
    """The value of a NUMBER match; the figure in parentheses wins where both are printed."""
    if match.group(figure):
        return Decimal(match.group(figure))
    word = match.group(group).lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return Decimal(word)
    return Decimal(WORDS[word])


def to_years(match):
    """The years a DURATION match states: months count as twelfths of a year."""
    value = to_decimal(match)
    if match.group("unit").lower().startswith("month"):
        return (value / 12).quantize(Decimal("0.01")).normalize()
    return value
