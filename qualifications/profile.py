"""An applicant's profile: read from JSON-shaped data, checked against the questions, never stored."""

import math
import re
from dataclasses import dataclass, field
from fractions import Fraction

from classes.vocabulary import EducationLevel

from .rules import norm

FULL_TIME_HOURS = 40  # a week of full-time work where a path states no rule of its own
MOST_JOBS = 50
MOST_YEARS = 80
PROFILE_KEYS = {"education_level", "college_credits", "degree_fields", "credit_hours", "jobs", "status"}
JOB_KEYS = {"title", "years", "months", "hours_per_week", "paid", "supervisory", "kinds"}
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
    title: str = ""


@dataclass(frozen=True)
class Profile:
    education_level: str = ""  # the highest completed, an EducationLevel value; empty for none
    college_credits: Fraction = Fraction(0)  # semester credit hours earned in all, if more than the degree's
    degree_fields: frozenset = frozenset()  # `norm`ed fields the applicant confirms the degree is in
    credit_hours: dict = field(default_factory=dict)  # `norm`ed subjects → credit hours
    jobs: tuple = ()
    status: dict = field(default_factory=dict)  # `norm`ed title → years of permanent competitive status


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
        return Profile(
            education_level=level,
            college_credits=self.number(data.get("college_credits"), "college_credits", most=1000),
            degree_fields=self.names(data.get("degree_fields"), "degree_fields", "degree_fields"),
            credit_hours=self.amounts(data.get("credit_hours"), "credit_hours", "credit_subjects", most=1000),
            jobs=tuple(job for n, entry in enumerate(jobs, 1) if (job := self.job(entry, n))),
            status=self.amounts(data.get("status"), "status", "titles", most=MOST_YEARS),
        )

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
            kinds=self.names(entry.get("kinds"), f"{where}.kinds", "experience_kinds"),
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

    def allowed(self, question):
        """The printed names a list may hold, by `norm`; None where any name will do (no questions given)."""
        if self.questions is None:
            return None
        return {norm(name): name for name in getattr(self.questions, question)}

    def names(self, values, where, question):
        if values is None:
            return frozenset()
        if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
            self.errors.append(f"{where} must be a list of names.")
            return frozenset()
        allowed = self.allowed(question)
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
