"""Numbers as specs print them: "two (2)", "three", "2", "1.5", "one-half"."""

import re
from decimal import Decimal

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20, "twenty-four": 24,
    "thirty": 30, "forty": 40, "sixty": 60, "one-half": Decimal("0.5"), "half": Decimal("0.5"),
}  # fmt: skip
# A number word or figure, optionally followed by the figure in parentheses: "two (2)".
NUMBER = (
    r"(?P<number>\d+(?:\.\d+)?|(?:"
    + "|".join(sorted(WORDS, key=len, reverse=True))
    + r"))(?:\s*\(\s*(?P<figure>\d+(?:\.\d+)?)\s*\))?"
)


def to_decimal(match, group="number", figure="figure"):
    """The value of a NUMBER match; the figure in parentheses wins where both are printed."""
    if match.group(figure):
        return Decimal(match.group(figure))
    word = match.group(group).lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return Decimal(word)
    return Decimal(WORDS[word])
