"""An applicant's profile: read from JSON-shaped data, checked against the questions, never stored."""

import datetime
import math
import re
from dataclasses import dataclass, field
from fractions import Fraction

from classes.vocabulary import EducationLevel, PathKind

from .rules import QUARTER_TO_SEMESTER, norm

FULL_TIME_HOURS = 40  # a week of full-time work where a path states no rule of its own
MOST_JOBS = 50
MOST_YEARS = 80
PROFILE_KEYS = {
    "examination",
    "education_level",
    "accredited",
    "college_credits",
    "credit_units",
    "degree_fields",
    "credit_hours",
    "jobs",
    "status",
    "provisional",
    "licenses",
}
JOB_KEYS = {"title", "years", "months", "hours_per_week", "paid", "supervisory", "kinds", "services"}
LICENCE_KEYS = {"name", "status", "expires_on"}
CREDIT_UNITS = ("semester", "quarter")
LICENCE_STATUSES = ("current", "expired")
MOST_LICENCES = 50
# Plain decimals only: Fraction would also read "1e999999999", and build that number.
DECIMAL = re.compile(r"\d{1,7}(\.\d{1,6})?|\.\d{1,6}")


class ProfileError(ValueError):
    """The data cannot be read as a profile; `messages` says each reason in plain words."""

    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Job:
    """One entry of work experience: how long, how many hours a week, and what the applicant confirms of it."""

    months: Fraction
    hours_per_week: Fraction = Fraction(FULL_TIME_HOURS)
    paid: bool = True
    supervisory: bool = False
    kinds: frozenset = frozenset()  # `norm`ed names of the kinds of experience the applicant confirms
    services: frozenset = frozenset()  # `norm`ed names of the services (employers) the applicant confirms it was in
    title: str = ""


@dataclass(frozen=True)
class Licence:
    """A licence or certificate the applicant holds or held, by the name the spec prints."""

    current: bool
    expires_on: datetime.date | None = None

    def current_on(self, day):
        return self.current and (self.expires_on is None or self.expires_on >= day)


@dataclass(frozen=True)
class Profile:
    education_level: str = ""  # the highest completed, an EducationLevel value; empty for none
    accredited: bool | None = None  # whether the school was accredited; None: not said
    college_credits: Fraction = Fraction(0)  # semester credit hours earned in all, if more than the degree's
    degree_fields: frozenset = frozenset()  # `norm`ed fields the applicant confirms the degree is in
    credit_hours: dict = field(default_factory=dict)  # `norm`ed subjects → semester credit hours
    jobs: tuple = ()
    status: dict = field(default_factory=dict)  # `norm`ed title → years of permanent competitive status
    provisional: dict = field(default_factory=dict)  # `norm`ed title → years provisional, temporary or trainee in it
    licences: dict = field(default_factory=dict)  # `norm`ed name → Licence
    examination: str = ""  # the examination applied to, a PathKind value; empty: not said


def read_profile(data, questions=None):
    """The profile `data` describes; with `questions`, names must come from the lists the spec prints."""
    reader = _Reader(questions)
    profile = reader.profile(data)
    if reader.errors:
        raise ProfileError(reader.errors)
    return profile


class _Reader:
    def __init__(self, questions):
        self.questions = questions
        self.errors = []

    def profile(self, data):
        if not isinstance(data, dict):
            self.errors.append("The profile must be a JSON object.")
            return None
        for key in sorted(set(data) - PROFILE_KEYS):
            self.errors.append(f"“{str(key)[:40]}” is not part of a profile; use: {', '.join(sorted(PROFILE_KEYS))}.")
        level = data.get("education_level")
        if level in (None, ""):
            level = ""
        elif level not in EducationLevel.values:
            self.errors.append(f"education_level must be one of: {', '.join(EducationLevel.values)}, or empty.")
            level = ""
        jobs = data.get("jobs")
        if jobs is None:
            jobs = []
        elif not isinstance(jobs, list) or len(jobs) > MOST_JOBS:
            self.errors.append(f"jobs must be a list of at most {MOST_JOBS} entries.")
            jobs = []
        # Quarter units are read as semester hours, two-thirds each, so every rule compares semester hours.
        units = self.choice(data.get("credit_units"), "credit_units", CREDIT_UNITS) or "semester"
        scale = QUARTER_TO_SEMESTER if units == "quarter" else 1
        credit_hours = self.amounts(data.get("credit_hours"), "credit_hours", "credit_subjects", most=1000)
        return Profile(
            examination=self.choice(data.get("examination"), "examination", self.examinations()),
            education_level=level,
            accredited=self.maybe_flag(data.get("accredited"), "accredited"),
            college_credits=self.number(data.get("college_credits"), "college_credits", most=1000) * scale,
            degree_fields=self.names(data.get("degree_fields"), "degree_fields", "degree_fields"),
            credit_hours={subject: hours * scale for subject, hours in credit_hours.items()},
            jobs=tuple(job for n, entry in enumerate(jobs, 1) if (job := self.job(entry, n))),
            status=self.amounts(data.get("status"), "status", "titles", most=MOST_YEARS),
            provisional=self.amounts(data.get("provisional"), "provisional", "titles", most=MOST_YEARS),
            licences=self.licences(data.get("licenses")),
        )

    def examinations(self):
        """The kinds of examination a profile may choose: with questions, those of the spec's paths."""
        return PathKind.values if self.questions is None else self.questions.examinations

    def choice(self, value, where, choices):
        if value in (None, ""):
            return ""
        if value not in choices:
            self.errors.append(f"{where} must be one of: {', '.join(choices)}, or empty.")
            return ""
        return value

    def licences(self, entries):
        if entries is None:
            return {}
        if not isinstance(entries, list) or len(entries) > MOST_LICENCES:
            self.errors.append(f"licenses must be a list of at most {MOST_LICENCES} entries.")
            return {}
        allowed = self.allowed("licences")
        held = {}
        for n, entry in enumerate(entries, 1):
            where = f"licenses[{n}]"
            if not isinstance(entry, dict):
                self.errors.append(f"{where} must be an object.")
                continue
            for key in sorted(set(entry) - LICENCE_KEYS):
                self.errors.append(
                    f"{where}: “{str(key)[:40]}” is not part of a licence; use: {', '.join(sorted(LICENCE_KEYS))}."
                )
            name = entry.get("name")
            if not isinstance(name, str) or not name.strip():
                self.errors.append(f"{where}.name must be the licence's name.")
                continue
            if allowed is not None and norm(name) not in allowed:
                choices = "; ".join(allowed.values()) or "none: this spec names no licence"
                self.errors.append(f"{where}: “{name[:60]}” is not a name this spec prints. Choose from: {choices}.")
                continue
            status = self.choice(entry.get("status"), f"{where}.status", LICENCE_STATUSES) or "current"
            held[norm(name)] = Licence(status == "current", self.date(entry.get("expires_on"), f"{where}.expires_on"))
        return held

    def date(self, value, where):
        if value in (None, ""):
            return None
        if isinstance(value, str) and len(value) == 10:  # fromisoformat also reads week dates and times
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        self.errors.append(f"{where} must be a date written YYYY-MM-DD, such as 2027-06-30.")
        return None

    def job(self, entry, n):
        where = f"jobs[{n}]"
        if not isinstance(entry, dict):
            self.errors.append(f"{where} must be an object.")
            return None
        for key in sorted(set(entry) - JOB_KEYS):
            self.errors.append(f"{where}: “{str(key)[:40]}” is not part of a job; use: {', '.join(sorted(JOB_KEYS))}.")
        months = self.number(entry.get("years"), f"{where}.years", most=MOST_YEARS) * 12
        months += self.number(entry.get("months"), f"{where}.months", most=MOST_YEARS * 12)
        hours = entry.get("hours_per_week")
        hours = FULL_TIME_HOURS if hours is None else self.number(hours, f"{where}.hours_per_week", most=168)
        title = entry.get("title") or ""
        if not isinstance(title, str):
            self.errors.append(f"{where}.title must be text.")
            title = ""
        return Job(
            months=months,
            hours_per_week=Fraction(hours),
            paid=self.flag(entry.get("paid", True), f"{where}.paid"),
            supervisory=self.flag(entry.get("supervisory", False), f"{where}.supervisory"),
            kinds=self.names(entry.get("kinds"), f"{where}.kinds", "experience_kinds", "excluded_kinds"),
            services=self.names(entry.get("services"), f"{where}.services", "services"),
            title=title[:200],
        )

    def number(self, value, where, *, most):
        if value is None or value == "":
            return Fraction(0)
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            self.errors.append(f"{where} must be a number.")
            return Fraction(0)
        if isinstance(value, float) and not math.isfinite(value):
            self.errors.append(f"{where} must be a number such as 2 or 2.5.")
            return Fraction(0)
        if isinstance(value, int) and abs(value) > 10**9:  # too long even to print, past a few thousand digits
            self.errors.append(f"{where} must be between 0 and {most}.")
            return Fraction(0)
        if isinstance(value, str) and not DECIMAL.fullmatch(value.strip()):
            self.errors.append(f"{where} must be a number such as 2 or 2.5, not “{value[:20]}”.")
            return Fraction(0)
        number = Fraction(str(value).strip())
        if not 0 <= number <= most:
            self.errors.append(f"{where} must be between 0 and {most}.")
            return Fraction(0)
        return number

    def flag(self, value, where):
        if not isinstance(value, bool):
            self.errors.append(f"{where} must be true or false.")
            return False
        return value

    def maybe_flag(self, value, where):
        if value is None or isinstance(value, bool):
            return value
        self.errors.append(f"{where} must be true, false, or null where it is not known.")
        return None

    def allowed(self, *questions):
        """The printed names a list may hold, by `norm`; None where any name will do (no questions given)."""
        if self.questions is None:
            return None
        return {norm(name): name for question in questions for name in getattr(self.questions, question)}

    def names(self, values, where, *questions):
        if values is None:
            return frozenset()
        if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
            self.errors.append(f"{where} must be a list of names.")
            return frozenset()
        allowed = self.allowed(*questions)
        unknown = [value for value in values if allowed is not None and norm(value) not in allowed]
        if unknown:
            choices = "; ".join(allowed.values()) or "none: this spec names no such list"
            self.errors.append(f"{where}: “{unknown[0][:60]}” is not a name this spec prints. Choose from: {choices}.")
        return frozenset(norm(value) for value in values)

    def amounts(self, values, where, question, *, most):
        if values is None:
            return {}
        if not isinstance(values, dict):
            self.errors.append(f"{where} must be an object of name: number.")
            return {}
        allowed = self.allowed(question)
        amounts = {}
        for name, value in values.items():
            if allowed is not None and norm(name) not in allowed:
                choices = "; ".join(allowed.values()) or "none: this spec names none"
                self.errors.append(
                    f"{where}: “{str(name)[:60]}” is not a name this spec prints. Choose from: {choices}."
                )
                continue
            amounts[norm(name)] = self.number(value, f"{where}[{str(name)[:60]}]", most=most)
        return amounts
