"""How the checker's reasons say amounts and lists."""

from fractions import Fraction

from classes.vocabulary import EducationLevel


def years(amount):
    """A duration in years, as words: "2 years 6 months", "1 year", "7.5 months"."""
    months = Fraction(amount) * 12
    whole_years, rest = divmod(months, 12)
    rest_text = f"{float(rest):.1f}".removesuffix(".0")
    if rest_text == "12":  # 11.96 months print as a year
        whole_years, rest_text = whole_years + 1, "0"
    parts = []
    if whole_years:
        parts.append(f"{whole_years} year{'s' if whole_years != 1 else ''}")
    if rest_text != "0" or not parts:
        parts.append(f"{rest_text} month{'s' if rest_text != '1' else ''}")
    return " ".join(parts)


def amount(number):
    """A count as printed: 12, or 11.5 where the applicant gave a part."""
    return f"{float(number):.2f}".rstrip("0").rstrip(".")


def listing(names, last="or"):
    names = list(names)
    if not names:
        return ""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {last} {names[-1]}"


def level_label(level):
    return EducationLevel(level).label if level else "no diploma or degree"
