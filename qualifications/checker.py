"""Screening an applicant against a version's paths: met, not met or cannot tell, each with reasons.

`evaluate(rules, profile)` is a pure function: it reads no database and writes nothing. The rules it
applies where a spec states none are stated here and on the checker's page: a full-time week is 40
hours; 30 semester credit hours are one year of college; a degree counts at least 60 (associate),
120 (bachelor's), 150 (master's) or 180 (doctorate) credit hours.
"""

import math
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import pairwise

from classes.vocabulary import EducationLevel

from .profile import FULL_TIME_HOURS
from .rules import PathRule, norm, unique

MET, NOT_MET, CANNOT_TELL = "met", "not_met", "cannot_tell"
OUTCOME_LABELS = {MET: "You appear to meet this path", NOT_MET: "Not met yet", CANNOT_TELL: "Cannot tell"}
CREDITS_PER_YEAR = 30
DEGREE_CREDITS = {
    EducationLevel.HIGH_SCHOOL: 0,
    EducationLevel.ASSOCIATE: 60,
    EducationLevel.BACHELOR: 120,
    EducationLevel.MASTER: 150,
    EducationLevel.DOCTORATE: 180,
}


@dataclass
class PathResult:
    rule: object
    outcome: str
    reasons: list = field(default_factory=list)
    gaps: list = field(default_factory=list)  # what would close the gap, where it is not met
    assumed: list = field(default_factory=list)  # confirmations taken as given (catalogue-wide screening)

    @property
    def outcome_label(self):
        return OUTCOME_LABELS[self.outcome]


@dataclass
class Check:
    outcome: str
    reason: str
    gap: str = ""


@dataclass(frozen=True)
class JobsRule:
    """Which of an applicant's jobs count as a path's experience, and how."""

    kinds: tuple  # kinds of work that count; empty: any
    paid: bool | None  # True: unpaid work does not count
    part_time: bool | None  # False: part-time work does not count
    full_week: int  # hours a week that count as full time


@dataclass(frozen=True)
class Counted:
    """An applicant's work that counts under a JobsRule, in full-time months."""

    months: Fraction
    supervisory_months: Fraction
    notes: list  # why some work did not count


@dataclass(frozen=True)
class Needs:
    """What a path asks at a number of years of college: years of experience, of it supervisory, credit hours."""

    college: Fraction
    experience: Fraction
    supervisory: Fraction
    credit_hours: Fraction

    def met_by(self, experience, supervisory, credit_hours):
        return experience >= self.experience and supervisory >= self.supervisory and credit_hours >= self.credit_hours


def evaluate(rules, profile, *, assume_confirmed=False):
    """One result per path of `rules`, in order. With `assume_confirmed`, a field of study, kind of
    experience or subject of credit hours that the applicant could not be asked about counts as confirmed,
    and the result says so."""
    screen = _Screen(rules, profile, assume_confirmed)
    return [screen.path(rule) for rule in rules.paths]


def overall(results):
    """Met if any path is met; else cannot tell if any path cannot tell; else not met."""
    outcomes = {result.outcome for result in results}
    if MET in outcomes:
        return MET
    return CANNOT_TELL if CANNOT_TELL in outcomes or not results else NOT_MET


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


def college_years(profile):
    """Years of college the profile shows: its credits, and at least what its degree stands for."""
    credits = max(profile.college_credits, DEGREE_CREDITS.get(profile.education_level, 0))
    return Fraction(credits) / CREDITS_PER_YEAR


class _Screen:
    def __init__(self, rules, profile, assume_confirmed):
        self.rules = rules
        self.profile = profile
        self.assume = assume_confirmed
        self.version_fields = rules.all_education_fields()

    def path(self, rule):
        result = PathResult(rule, MET)
        if rule.is_equivalent_combination:
            checks = self.combination(rule, result)
        elif not rule.is_recorded:
            checks = [
                Check(
                    CANNOT_TELL,
                    "The requirements of this path have not been recorded in a form the checker can read; "
                    "read its text above.",
                )
            ]
        else:
            checks = [
                *self.titles(rule),
                *self.education(rule, result),
                *self.credit_hours(rule.credit_hours, rule.credit_hour_subjects, result),
                *self.experience(rule, result),
            ]
        result.assumed = list(dict.fromkeys(result.assumed))  # one rule may lean on the same assumption twice
        result.reasons = [check.reason for check in checks]
        result.gaps = [check.gap for check in checks if check.gap and check.outcome != MET]
        outcomes = {check.outcome for check in checks}
        result.outcome = NOT_MET if NOT_MET in outcomes else CANNOT_TELL if CANNOT_TELL in outcomes else MET
        return result

    # Confirmations: the applicant picks from the spec's own list; nothing is matched by guessing.

    def confirmed(self, chosen, listed, what, result):
        picked = [name for name in listed if norm(name) in chosen]
        if picked:
            return True, picked[0]
        if self.assume:
            result.assumed.append(f"{what} one of: {listing(listed)}")
            return True, None
        return False, None

    def degree_in(self, fields, result):
        return self.confirmed(self.profile.degree_fields, fields, "your education is in", result)

    # Education

    def education(self, rule, result):
        checks = []
        have = self.profile.education_level
        if rule.education_level:
            need = EducationLevel(rule.education_level)
            if have and EducationLevel.rank(have) >= EducationLevel.rank(need):
                checks.append(Check(MET, f"Needs: {need.label}. You have: {level_label(have)}."))
            else:
                checks.append(
                    Check(NOT_MET, f"Needs: {need.label}. You have: {level_label(have)}.", f"{need.label} or higher.")
                )
        if rule.education_fields:
            fields = listing(rule.education_fields)
            ok, picked = self.degree_in(rule.education_fields, result)
            if ok:
                said = f"you confirmed “{picked}”" if picked else "assumed, not confirmed"
                checks.append(Check(MET, f"Needs the education in {fields}: {said}."))
            else:
                checks.append(
                    Check(
                        NOT_MET,
                        f"Needs the education in {fields}; you have not confirmed that yours is.",
                        f"Education in {fields}.",
                    )
                )
        return checks

    def credit_hours(self, need, subjects, result):
        if not need:
            return []
        have = self.profile.credit_hours.get(norm(subjects), Fraction(0))
        if have >= need:
            return [Check(MET, f"Needs {need} credit hours in {subjects}; you have {amount(have)}.")]
        if self.assume and norm(subjects) not in self.profile.credit_hours:  # assumed only where never asked
            result.assumed.append(f"{need} credit hours in {subjects}")
            return [Check(MET, f"Needs {need} credit hours in {subjects}: assumed, not confirmed.")]
        short = need - have
        return [
            Check(
                NOT_MET,
                f"Needs {need} credit hours in {subjects}; you have {amount(have)}.",
                f"{amount(short)} more credit hour{'s' if short != 1 else ''} in {subjects}.",
            )
        ]

    # Experience

    def counted(self, jobs, result):
        """The profile's work that counts under `jobs` (a JobsRule), in full-time equivalent: part-time at its share
        of the stated full-time week (else 40 hours), never more than full time.
        """
        kinds, paid, part_time, full_week = jobs.kinds, jobs.paid, jobs.part_time, jobs.full_week
        months = supervisory = Fraction(0)
        notes = []
        unconfirmed = False
        for n, job in enumerate(self.profile.jobs, 1):
            name = f"job {n}{f' ({job.title})' if job.title else ''}"
            if kinds and not job.kinds & {norm(kind) for kind in kinds}:
                if not self.assume:
                    if job.months:
                        notes.append(f"{name} is not confirmed as {listing(kinds)}, so it does not count")
                    continue
                unconfirmed = True
            if paid and not job.paid:
                notes.append(f"{name} was unpaid, and the experience must be paid")
                continue
            share = min(job.hours_per_week / full_week, Fraction(1))
            if share < 1 and part_time is False:
                notes.append(f"{name} was part-time, and this path asks for full-time experience")
                continue
            months += job.months * share
            if job.supervisory:
                supervisory += job.months * share
        if unconfirmed:
            result.assumed.append(f"your experience is of the kind named: {listing(kinds)}")
        return Counted(months, supervisory, notes)

    def experience(self, rule, result):
        if rule.experience_years is None:
            if rule.experience_kinds or rule.supervisory_years:
                return [Check(CANNOT_TELL, "The path names experience but the years it needs were not recorded.")]
            return []
        full_week = rule.full_time_hours_per_week or FULL_TIME_HOURS
        counted = self.counted(
            JobsRule(rule.experience_kinds, rule.paid_experience, rule.part_time_accepted, full_week), result
        )
        have, notes = counted.months / 12, counted.notes
        need = rule.experience_years
        what = "paid experience" if rule.paid_experience else "experience"
        if rule.experience_kinds:
            what += f" in {listing(rule.experience_kinds)}"
        basis = (
            f"full-time equivalent, at {full_week} hours a week"
            if full_week != FULL_TIME_HOURS
            else "full-time equivalent"
        )
        said = f"Needs {years(need)} of {what}; you have {years(have)} ({basis})"
        said += "".join(f"; {note}" for note in notes) + "."
        checks = []
        if have >= need:
            checks.append(Check(MET, said))
        else:
            checks.append(self.substituted(rule, have, need, said, result))
        if rule.supervisory_years:
            have_supervisory = counted.supervisory_months / 12
            sup_said = f"Needs {years(rule.supervisory_years)} of it supervisory; you have {years(have_supervisory)}."
            short = rule.supervisory_years - have_supervisory
            checks.append(
                Check(MET, sup_said)
                if short <= 0
                else Check(NOT_MET, sup_said, f"{years(short)} more of supervisory {what}.")
            )
        return checks

    def substituted(self, rule, have, need, said, result):
        """The experience check where the profile is short of `need`: substitutions may close the gap."""
        best, unrated = Fraction(0), None
        best_rule = None
        for substitution in self.rules.substitutions:
            if not substitution.is_education_for_experience:
                continue
            if substitution.years_per_year is None:
                unrated = substitution
                continue
            credit = self.substitution_credit(rule, substitution, need, result)
            if credit > best:
                best, best_rule = credit, substitution
        if have + best >= need:
            return Check(
                MET,
                f"{said} Your education substitutes for {years(best)} of it, under the rule “{best_rule.text}”",
            )
        required = Fraction(DEGREE_CREDITS.get(rule.education_level, 0), CREDITS_PER_YEAR)
        if unrated and college_years(self.profile) > required:
            return Check(
                CANNOT_TELL,
                f"{said} The spec lets education substitute (“{unrated.text}”) but states no rate, "
                "so the commission decides how much of yours counts.",
                f"{years(need - have)} more experience, or the commission's credit for your education.",
            )
        gap = f"{years(need - have - best)} more experience"
        if best:
            said += f" Your education substitutes for {years(best)} of it (“{best_rule.text}”)."
        return Check(NOT_MET, said, gap + ".")

    def substitution_credit(self, rule, substitution, need, result):
        """Years of experience the profile's education replaces under `substitution`, within its cap and floor."""
        beyond = substitution.education_beyond or rule.education_level or EducationLevel.HIGH_SCHOOL
        fields = rule.education_fields or self.version_fields
        if substitution.in_path_fields and fields:
            ok, _ = self.degree_in(fields, result)
            if not ok:
                return Fraction(0)
        extra = max(college_years(self.profile) - Fraction(DEGREE_CREDITS[beyond], CREDITS_PER_YEAR), Fraction(0))
        credit = extra * substitution.years_per_year
        if substitution.cap_years is not None:
            credit = min(credit, substitution.cap_years)
        return max(min(credit, need - (substitution.floor_years or 0)), Fraction(0))

    # Promotional titles

    def titles(self, rule):
        if not any(need is not None for _, need in rule.titles):
            return []
        held = [
            (title, need, self.profile.status.get(norm(title), Fraction(0)))
            for title, need in rule.titles
            if need is not None
        ]
        asked = listing(f"{title} ({years(need)})" for title, need, _ in held)
        met = next(((title, have) for title, need, have in held if have >= need), None)
        if met:
            return [
                Check(
                    MET, f"Needs permanent competitive status as one of: {asked}. You have {years(met[1])} as {met[0]}."
                )
            ]
        have = [f"{years(have)} as {title}" for title, _, have in held if have]
        gap = listing(f"{years(need - have)} more as {title}" for title, need, have in held)
        return [
            Check(
                NOT_MET,
                f"Needs permanent competitive status as one of: {asked}. "
                f"You have {listing(have, 'and') if have else 'none of them'}.",
                gap + ".",
            )
        ]

    # Equivalent combination

    def combination(self, rule, result):
        """Education and experience traded along the limits of the other open-competitive paths.

        Each other path is a point (years of college it asks, years of experience, supervisory years, credit
        hours); between two points the requirements move in a straight line, and beyond the ends they stay
        at the end's. The applicant meets the combination if, counting some of their college (up to all of
        it), every requirement at that point is met.
        """
        anchors = [
            p
            for p in self.rules.paths
            if not p.is_promotional and not p.is_equivalent_combination and p.experience_years is not None
        ]
        if not anchors:
            return [
                Check(
                    CANNOT_TELL,
                    "This path is an equivalent combination of the others' limits, but no other path records "
                    "years of experience to combine.",
                )
            ]
        by_college = {}  # where two paths ask the same college, the one asking less experience sets the limit
        for point in sorted(
            (
                Needs(
                    Fraction(DEGREE_CREDITS.get(p.education_level, 0), CREDITS_PER_YEAR),
                    p.experience_years,
                    p.supervisory_years or Fraction(0),
                    Fraction(p.credit_hours or 0),
                )
                for p in anchors
            ),
            key=lambda needs: (needs.college, needs.experience, needs.supervisory, needs.credit_hours),
        ):
            by_college.setdefault(point.college, point)
        points = list(by_college.values())
        names = listing((p.label for p in anchors), "and")
        lowest = min(anchors, key=lambda p: DEGREE_CREDITS.get(p.education_level, 0)).education_level
        checks = []
        if lowest:
            checks.extend(self.education(_only_level(lowest), result))
        fields = tuple(unique(name for p in anchors for name in p.education_fields))
        college = college_years(self.profile)
        if fields:
            ok, _ = self.degree_in(fields, result)
            if not ok:
                college = Fraction(0)
        college = min(college, points[-1].college)
        kinds = tuple(unique(kind for p in anchors for kind in p.experience_kinds))
        paid = any(p.paid_experience for p in anchors)
        part_time = False if any(p.part_time_accepted is False for p in anchors) else None
        full_week = max((p.full_time_hours_per_week or FULL_TIME_HOURS) for p in anchors)
        counted = self.counted(JobsRule(kinds, paid, part_time, full_week), result)
        have, have_supervisory, notes = counted.months / 12, counted.supervisory_months / 12, counted.notes
        subjects = [p.credit_hour_subjects for p in anchors if p.credit_hours]
        credits = max((self.profile.credit_hours.get(norm(s), Fraction(0)) for s in subjects), default=Fraction(0))
        if subjects and self.assume and not any(norm(s) in self.profile.credit_hours for s in subjects):
            credits = Fraction(10**6)
            result.assumed.append(f"credit hours in {listing(subjects)}")

        start = points[0].college
        steps = [start + Fraction(n, CREDITS_PER_YEAR) for n in range(int((college - start) * CREDITS_PER_YEAR) + 1)]
        # The most college that makes the combination met: usually the most there is, so looked for from the top.
        meeting = next(
            (at for at in reversed(steps) if _along(points, at).met_by(have, have_supervisory, credits)), None
        )
        counted_at = meeting if meeting is not None else max(college, start)
        at_counted = _along(points, counted_at)
        exp_need, sup_need, credit_need = at_counted.experience, at_counted.supervisory, at_counted.credit_hours
        said = (
            f"Within the limits of {names}: counting {years(counted_at)} of college, the combination needs "
            f"{years(exp_need)} of experience"
            + (f" ({years(sup_need)} supervisory)" if sup_need else "")
            + (f" and {math.ceil(credit_need)} credit hours in {listing(subjects, 'or')}" if credit_need else "")
            + f"; you have {years(have)} (full-time equivalent)"
            + (f", {years(have_supervisory)} supervisory" if sup_need else "")
            + (f" and {amount(credits)} credit hours" if credit_need and not self.assume else "")
            + "".join(f"; {note}" for note in notes)
            + "."
        )
        if meeting is not None:
            checks.append(Check(MET, said))
        elif college < start:
            checks.append(
                Check(
                    NOT_MET,
                    f"{said} Every path asks for at least {years(start)} of college.",
                    f"{years(start - college)} more of college.",
                )
            )
        else:
            gaps = []
            if exp_need > have:
                gaps.append(f"{years(exp_need - have)} more experience")
            if sup_need > have_supervisory:
                gaps.append(f"{years(sup_need - have_supervisory)} more supervisory experience")
            if credit_need > credits:
                gaps.append(f"{math.ceil(credit_need - credits)} more credit hours in {listing(subjects, 'or')}")
            gap = ", ".join(gaps) or "more education or experience"
            least_college = _along(points, start).experience  # less college: more experience, fewer credit hours
            if credit_need > credits and counted_at != start and least_college > have:
                counting = f"counting {years(start)} of college" if start else "counting no college"
                gap += f"; or, {counting}, {years(least_college - have)} more experience"
            checks.append(Check(NOT_MET, said, gap + "."))
        return checks


def _only_level(level):
    return PathRule(label="", education_level=level)


def _along(points, at):
    """What the paths ask at `at` years of college: a straight line between neighbouring points (Needs, by
    college), flat beyond the ends."""
    if at <= points[0].college:
        return points[0]
    for low, high in pairwise(points):
        if at <= high.college:
            share = (at - low.college) / (high.college - low.college)
            return Needs(
                at,
                *(
                    before + (after - before) * share
                    for before, after in (
                        (low.experience, high.experience),
                        (low.supervisory, high.supervisory),
                        (low.credit_hours, high.credit_hours),
                    )
                ),
            )
    return points[-1]
