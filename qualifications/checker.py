"""Screening an applicant against a version's paths: met, met on condition, not met or cannot tell, with reasons.

`evaluate(rules, profile)` is a pure function: it reads no database and writes nothing. The rules it
applies where a spec states none are stated here and on the checker's page: a full-time week is 40
hours; 30 semester credit hours are one year of college, and a quarter unit two-thirds of a semester hour;
a degree counts at least 60 (associate), 120 (bachelor's), 150 (master's) or 180 (doctorate) credit hours.
Where a fact that decides a path was not recorded, or the spec lets a rule the checker does not apply close a
gap, the answer is "cannot tell", never a guess.
"""

import datetime
import math
from dataclasses import dataclass
from fractions import Fraction

from classes.vocabulary import EducationLevel, StatusRequired, SubstitutionKind

from .combination import combination
from .outcomes import CANNOT_TELL, MET, MET_ON_CONDITION, NOT_MET, OUTCOME_LABELS, Check, PathResult, overall
from .profile import FULL_TIME_HOURS
from .rules import norm
from .wording import amount, level_label, listing, years

__all__ = ["CANNOT_TELL", "MET", "MET_ON_CONDITION", "NOT_MET", "OUTCOME_LABELS", "evaluate", "overall"]

CREDITS_PER_YEAR = 30
DEGREE_CREDITS = {
    EducationLevel.HIGH_SCHOOL: 0,
    EducationLevel.ASSOCIATE: 60,
    EducationLevel.BACHELOR: 120,
    EducationLevel.MASTER: 150,
    EducationLevel.DOCTORATE: 180,
}
# What each kind of substitution the checker does not apply itself could stand in for.
SUBSTITUTES_FOR = {
    SubstitutionKind.EDUCATION_FOR_EXPERIENCE: {"experience"},
    SubstitutionKind.EXPERIENCE_FOR_EDUCATION: {"education", "credits"},
    SubstitutionKind.EXPERIENCE_FOR_EXPERIENCE: {"experience"},
    SubstitutionKind.CERTIFICATION_FOR_EDUCATION: {"education", "credits"},
    SubstitutionKind.CERTIFICATION_FOR_EXPERIENCE: {"experience"},
    SubstitutionKind.OTHER: {"education", "credits", "experience", "licence"},
}


@dataclass(frozen=True)
class Counted:
    """An applicant's work that counts under a JobsRule, in full-time months."""

    months: Fraction
    supervisory_months: Fraction
    notes: list  # why some work did not count


def evaluate(rules, profile, *, assume_confirmed=False, today=None):
    """One result per path of `rules`, in order. With `assume_confirmed`, a field of study, kind of
    experience or subject of credit hours that the applicant could not be asked about counts as confirmed,
    and the result says so. A licence is current if it is on `today` (by default, today)."""
    screen = _Screen(rules, profile, assume_confirmed, today or datetime.date.today())
    return [screen.path(rule) for rule in rules.paths]


class _Screen:
    full_week = FULL_TIME_HOURS

    def __init__(self, rules, profile, assume_confirmed, today):
        self.rules = rules
        self.profile = profile
        self.assume = assume_confirmed
        self.today = today
        self.version_fields = rules.all_education_fields()

    def path(self, rule):
        assumed = []
        if rule.is_equivalent_combination:
            checks = combination(self, rule, assumed)
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
                *self.education(rule, assumed),
                *self.credit_hours(rule, assumed),
                *self.experience(rule, assumed),
            ]
        checks += self.licences(rule, assumed)
        return PathResult.of_checks(rule, self.unapplied_substitutions(rule, checks), assumed)

    # What the applicant has

    @staticmethod
    def degree_years(level):
        return Fraction(DEGREE_CREDITS.get(level, 0), CREDITS_PER_YEAR)

    def college_years(self):
        """Years of college the profile shows: its credits, and at least what its degree stands for."""
        credits = max(self.profile.college_credits, DEGREE_CREDITS.get(self.profile.education_level, 0))
        return Fraction(credits) / CREDITS_PER_YEAR

    # Confirmations: the applicant picks from the spec's own list; nothing is matched by guessing.

    def confirmed(self, chosen, listed, what, assumed):
        picked = [name for name in listed if norm(name) in chosen]
        if picked:
            return True, picked[0]
        if self.assume:
            assumed.append(f"{what} one of: {listing(listed)}")
            return True, None
        return False, None

    def degree_in(self, fields, assumed):
        return self.confirmed(self.profile.degree_fields, fields, "your education is in", assumed)

    # Education

    def education(self, rule, assumed):
        checks = []
        have = self.profile.education_level
        if rule.education_level:
            need = EducationLevel(rule.education_level)
            said = f"Needs: {need.label}. You have: {level_label(have)}."
            if have and EducationLevel.rank(have) >= EducationLevel.rank(need):
                checks.append(Check(MET, said))
            else:
                checks.append(Check(NOT_MET, said, f"{need.label} or higher.", about="education"))
        if rule.education_fields:
            fields = listing(rule.education_fields)
            ok, picked = self.degree_in(rule.education_fields, assumed)
            if ok:
                said = f"you confirmed “{picked}”" if picked else "assumed, not confirmed"
                checks.append(Check(MET, f"Needs the education in {fields}: {said}."))
            else:
                checks.append(
                    Check(
                        NOT_MET,
                        f"Needs the education in {fields}; you have not confirmed that yours is.",
                        f"Education in {fields}.",
                        about="education",
                    )
                )
        if rule.accredited_education and rule.asks_college and self.has_college():
            checks.append(self.accreditation(assumed))
        if rule.names_unrecorded("fields"):
            checks.append(
                Check(
                    CANNOT_TELL,
                    "The path names the field the education must be in, but the fields were not recorded; "
                    "read its text above.",
                    about="education",
                )
            )
        return checks

    def has_college(self):
        """Whether the profile shows any college: a degree, credits in all, or credit hours in a subject."""
        return bool(self.college_years() or any(self.profile.credit_hours.values()))

    def accreditation(self, assumed):
        """Where the path's education must come from an accredited school: the applicant says whether theirs was."""
        needs = "Needs the education from an accredited college or university"
        accredited = self.profile.accredited
        if accredited is None and self.assume:
            assumed.append("your college or university is accredited")
            return Check(MET, f"{needs}: assumed, not confirmed.")
        if accredited:
            return Check(MET, f"{needs}: you said yours was.")
        if accredited is False:
            return Check(
                NOT_MET,
                f"{needs}; you said yours was not.",
                "Education from an accredited college or university.",
                about="accreditation",
            )
        return Check(
            CANNOT_TELL,
            f"{needs}; you have not said whether yours was, so the checker cannot tell whether your education counts.",
            about="accreditation",
        )

    def credit_hours(self, rule, assumed):
        checks = []
        need, subjects = rule.credit_hours_needed, rule.credit_hour_subjects
        if need:
            have = self.profile.credit_hours.get(norm(subjects), Fraction(0))
            said = f"Needs {amount(need)} credit hours in {subjects}; you have {amount(have)}."
            if have >= need:
                checks.append(Check(MET, said))
            elif self.assume and norm(subjects) not in self.profile.credit_hours:  # assumed only where never asked
                assumed.append(f"{amount(need)} credit hours in {subjects}")
                checks.append(Check(MET, f"Needs {amount(need)} credit hours in {subjects}: assumed, not confirmed."))
            else:
                short = need - have
                gap = f"{amount(short)} more credit hour{'s' if short != 1 else ''} in {subjects}."
                checks.append(Check(NOT_MET, said, gap, about="credits"))
        if rule.total_credit_hours:
            total, have = rule.total_credit_hours, self.college_years() * CREDITS_PER_YEAR
            said = f"Needs {total} semester credit hours of college in all; you have {amount(have)}."
            short = total - have
            checks.append(
                Check(MET, said)
                if short <= 0
                else Check(
                    NOT_MET,
                    said,
                    f"{amount(short)} more credit hour{'s' if short != 1 else ''} of college.",
                    about="credits",
                )
            )
        return checks

    # Experience

    def counted(self, jobs, assumed):
        """The profile's work that counts under `jobs` (a JobsRule), in full-time equivalent: part-time at its share
        of the full-time week, never more than full time."""
        months = supervisory = Fraction(0)
        notes = []
        unconfirmed = False
        excluded = {norm(kind) for kind in jobs.excluded}
        for n, job in enumerate(self.profile.jobs, 1):
            name = f"job {n}{f' ({job.title})' if job.title else ''}"
            if job.kinds & excluded:
                kind = next(kind for kind in jobs.excluded if norm(kind) in job.kinds)
                notes.append(f"{name} is {kind}, which the spec says does not count")
                continue
            if jobs.kinds and not job.kinds & {norm(kind) for kind in jobs.kinds}:
                if not self.assume:
                    if job.months:
                        notes.append(f"{name} is not confirmed as {listing(jobs.kinds)}, so it does not count")
                    continue
                unconfirmed = True
            if jobs.service and norm(jobs.service) not in job.services:
                if not self.assume:
                    if job.months:
                        notes.append(
                            f"{name} is not confirmed as in the service of {jobs.service}, so it does not count"
                        )
                    continue
                assumed.append(f"your experience is in the service of {jobs.service}")
            if jobs.paid and not job.paid:
                notes.append(f"{name} was unpaid, and the experience must be paid")
                continue
            share = min(job.hours_per_week / jobs.full_week, Fraction(1))
            if share < 1 and jobs.part_time is False:
                notes.append(f"{name} was part-time, and this path asks for full-time experience")
                continue
            months += job.months * share
            if job.supervisory:
                supervisory += job.months * share
        if unconfirmed:
            assumed.append(f"your experience is of the kind named: {listing(jobs.kinds)}")
        if self.assume and jobs.excluded and self.profile.jobs:
            assumed.append(f"none of your work is {listing(jobs.excluded)}")
        return Counted(months, supervisory, notes)

    def experience(self, rule, assumed):
        if rule.experience_years is None:
            if rule.experience_kinds or rule.supervisory_years:
                return [
                    Check(
                        CANNOT_TELL,
                        "The path names experience but the years it needs were not recorded.",
                        about="experience",
                    )
                ]
            return []
        if rule.names_unrecorded("kinds"):
            return [
                Check(
                    CANNOT_TELL,
                    f"Needs {years(rule.experience_years)} of experience of a kind its text names, but the kinds "
                    "were not recorded, so the checker cannot tell which of your work counts; read its text above.",
                    about="experience",
                )
            ]
        jobs = rule.jobs_rule(self.full_week)
        counted = self.counted(jobs, assumed)
        have, notes = counted.months / 12, counted.notes
        if rule.complete_years_only:
            have = Fraction(math.floor(have))
            notes = [*notes, "only complete years count"]
        need = rule.experience_years
        what = "paid experience" if rule.paid_experience else "experience"
        if rule.experience_kinds:
            what += f" in {listing(rule.experience_kinds)}"
        basis = (
            f"full-time equivalent, at {jobs.full_week} hours a week"
            if jobs.full_week != FULL_TIME_HOURS
            else "full-time equivalent"
        )
        said = f"Needs {years(need)} of {what}; you have {years(have)} ({basis})"
        said += "".join(f"; {note}" for note in notes) + "."
        checks = [Check(MET, said) if have >= need else self.substituted(rule, have, need, said, assumed)]
        if rule.supervisory_years:
            have_supervisory = counted.supervisory_months / 12
            sup_said = f"Needs {years(rule.supervisory_years)} of it supervisory; you have {years(have_supervisory)}."
            short = rule.supervisory_years - have_supervisory
            checks.append(
                Check(MET, sup_said)
                if short <= 0
                else Check(NOT_MET, sup_said, f"{years(short)} more of supervisory {what}.", about="experience")
            )
        return checks

    def substituted(self, rule, have, need, said, assumed):
        """The experience check where the profile is short of `need`: the rated substitutions of education for
        experience that belong to this path may close the gap."""
        best, best_rule = Fraction(0), None
        for substitution in self.rules.substitutions_for(rule):
            if substitution.is_applied:
                credit = self.substitution_credit(rule, substitution, need, assumed)
                if credit > best:
                    best, best_rule = credit, substitution
        if have + best >= need:
            return Check(
                MET,
                f"{said} Your education substitutes for {years(best)} of it{self.units_counted(rule, best_rule)}, "
                f"under the rule “{best_rule.text}”",
            )
        if best:
            said += (
                f" Your education substitutes for {years(best)} of it{self.units_counted(rule, best_rule)} "
                f"(“{best_rule.text}”)."
            )
        return Check(NOT_MET, said, f"{years(need - have - best)} more experience.", about="experience")

    def substitution_credit(self, rule, substitution, need, assumed):
        """Years of experience the profile's education replaces under `substitution`, within its cap and floor."""
        beyond = substitution.education_beyond or rule.education_level or EducationLevel.HIGH_SCHOOL
        fields = rule.education_fields or self.version_fields
        if substitution.in_path_fields and fields:
            ok, _ = self.degree_in(fields, assumed)
            if not ok:
                return Fraction(0)
        if substitution.is_by_units:
            # Each time the units are completed replaces the experience the rule names; a part of them, nothing.
            units = self.substitution_units(rule, substitution)
            credit = math.floor(units / substitution.units_needed) * substitution.years_for_units
        else:
            extra = max(self.college_years() - self.degree_years(beyond), Fraction(0))
            credit = extra * substitution.years_per_year
        if substitution.cap_years is not None:
            credit = min(credit, substitution.cap_years)
        return max(min(credit, need - (substitution.floor_years or 0)), Fraction(0))

    def substitution_units(self, rule, substitution):
        """Semester hours the applicant has toward a rule's units: in its subjects where it names them, else their
        college beyond the level the rule (or else the path) counts from."""
        if substitution.credit_hour_subjects:
            return self.profile.credit_hours.get(norm(substitution.credit_hour_subjects), Fraction(0))
        beyond = substitution.education_beyond or rule.education_level or EducationLevel.HIGH_SCHOOL
        return max(self.college_years() - self.degree_years(beyond), Fraction(0)) * CREDITS_PER_YEAR

    def units_counted(self, rule, substitution):
        """How a rule's units were counted, for the reason: nothing to say of a rule by the year."""
        if not substitution.is_by_units:
            return ""
        subjects = f" in {substitution.credit_hour_subjects}" if substitution.credit_hour_subjects else " of college"
        return (
            f" ({amount(self.substitution_units(rule, substitution))} semester hours{subjects}, each "
            f"{amount(substitution.units_needed)} of them counting {years(substitution.years_for_units)}; a quarter "
            "unit is two-thirds of a semester hour)"
        )

    def unapplied_substitutions(self, rule, checks):
        """Unmet checks that a substitution the checker does not apply (no rate, or a kind it cannot weigh) could
        close, where the applicant has something it could count: the commission decides, so "cannot tell"."""
        rules = [s for s in self.rules.substitutions_for(rule) if not s.is_applied and self.could_count(rule, s)]
        if not rules:
            return checks
        for check in checks:
            if check.outcome != NOT_MET:
                continue
            could = next((s for s in rules if check.about in SUBSTITUTES_FOR[s.kind]), None)
            if could and could.is_education_for_experience:
                check.outcome = CANNOT_TELL
                check.reason += (
                    f" The spec lets education substitute (“{could.text}”) but states no rate, so the commission "
                    "decides how much of yours counts."
                )
            elif could:
                check.outcome = CANNOT_TELL
                check.reason += (
                    f" The spec lets something else stand in for it (“{could.text}”), which the checker does not "
                    "weigh, so the commission decides whether what you have counts."
                )
        return checks

    def could_count(self, rule, substitution):
        """Whether the applicant may have anything the substitution counts. A licence or certificate standing in
        for something is named only in the rule's words, so the checker cannot ask whether the applicant holds it."""
        if substitution.kind == SubstitutionKind.EDUCATION_FOR_EXPERIENCE:
            if substitution.credit_hour_subjects:
                return bool(self.profile.credit_hours.get(norm(substitution.credit_hour_subjects)))
            return self.college_years() > self.degree_years(substitution.education_beyond or rule.education_level)
        if substitution.kind in (SubstitutionKind.EXPERIENCE_FOR_EDUCATION, SubstitutionKind.EXPERIENCE_FOR_EXPERIENCE):
            return any(job.months for job in self.profile.jobs)
        return True

    # Promotional titles

    def titles(self, rule):
        """Time in the titles a promotional path names. Permanent status always counts; provisional, temporary and
        traineeship time counts only where the path asks for current employment rather than permanent status, and
        where what it asks was not recorded, the checker cannot tell whether that time would make the difference."""
        if not any(need is not None for _, need in rule.titles):
            return []
        if rule.status_required == StatusRequired.CURRENT_EMPLOYMENT:
            return [self.time_in_titles(rule, provisional=True)]
        check = self.time_in_titles(rule, provisional=False)
        provisional = listing(
            f"{years(time)} as {title}"
            for title, _ in rule.titles
            if (time := self.profile.provisional.get(norm(title)))
        )
        if check.outcome == MET or not provisional:
            return [check]
        if rule.status_required == StatusRequired.PERMANENT:
            check.reason += (
                f" Your provisional, temporary or traineeship time ({provisional}) does not count: the path asks for "
                "permanent status."
            )
        elif self.time_in_titles(rule, provisional=True).outcome == MET:
            check.outcome = CANNOT_TELL
            check.reason += (
                f" With your provisional, temporary or traineeship time ({provisional}) it would be enough, but whether "
                "the path counts that time or asks for permanent status was not recorded; read its text above."
            )
        return [check]

    def time_in_titles(self, rule, *, provisional):
        """The check of time in the path's titles: permanent status alone, or with `provisional` time too."""
        status = "time (permanent or provisional alike)" if provisional else "permanent competitive status"
        held = [
            (
                title,
                need,
                self.profile.status.get(norm(title), Fraction(0))
                + (self.profile.provisional.get(norm(title), Fraction(0)) if provisional else 0),
            )
            for title, need in rule.titles
            if need is not None
        ]
        asked = listing(f"{title} ({years(need)})" for title, need, _ in held)
        if rule.titles_combined:
            return self.combined_titles(held, status)
        met = next(((title, have) for title, need, have in held if have >= need), None)
        if met:
            return Check(MET, f"Needs {status} as one of: {asked}. You have {years(met[1])} as {met[0]}.")
        have = [f"{years(have)} as {title}" for title, _, have in held if have]
        gap = listing(f"{years(need - have)} more as {title}" for title, need, have in held)
        return Check(
            NOT_MET,
            f"Needs {status} as one of: {asked}. You have {listing(have, 'and') if have else 'none of them'}.",
            gap + ".",
            about="titles",
        )

    def combined_titles(self, held, status):
        """Time in any of the titles counted together, toward the one number of years the path asks."""
        names = listing([title for title, _, _ in held])
        needs = {need for _, need, _ in held}
        have = sum(time for _, _, time in held)
        if len(needs) > 1:
            return Check(
                CANNOT_TELL,
                f"Needs {status} in {names}, combined, but the years recorded differ by title; read its text above.",
                about="titles",
            )
        need = needs.pop()
        said = f"Needs {years(need)} of {status} in {names}, combined; you have {years(have)}."
        if have >= need:
            return Check(MET, said)
        return Check(NOT_MET, said, f"{years(need - have)} more in {names}.", about="titles")

    # Licences and certificates

    def licences(self, rule, assumed):
        return [self.licence(licence, assumed) for licence in self.rules.licences_for(rule)]

    def licence(self, licence, assumed):
        """One licence requirement: met where every licence it names is current; where one is not, met on condition
        if it may be obtained after applying, not met if it is needed sooner, cannot tell if when is not recorded."""
        held = {name: self.profile.licences.get(norm(name)) for name in licence.names}
        names = listing(licence.names, "and")
        what = f"the special requirement “{licence.source}”" if licence.source else names
        missing = [name for name, entry in held.items() if not (entry and entry.current_on(self.today))]
        if not missing:
            expiring = [entry.expires_on for entry in held.values() if entry.expires_on]
            until = f", current until {min(expiring).isoformat()}" if expiring else ""
            return Check(MET, f"Needs {names}; you hold {'them' if len(held) > 1 else 'it'}{until}.")
        if self.assume and not licence.after_appointment and not any(held[name] for name in missing):
            assumed.append(f"you hold {listing(missing, 'and')}")
            return Check(MET, f"Needs {names}: assumed, not confirmed.")
        lapsed = [name for name in missing if held[name]]
        have = f"yours {'has' if len(lapsed) == 1 else 'have'} lapsed ({listing(lapsed, 'and')})" if lapsed else ""
        have = have or "you have not said you hold it"
        short = listing(missing, "and")
        if licence.after_appointment:
            condition = f"A current {short} {licence.when}."
            return Check(
                MET_ON_CONDITION,
                f"Needs {what}, which may be obtained after applying: {licence.when}; {have}.",
                condition=condition,
                about="licence",
            )
        if len(licence.names) > 1 and len(missing) < len(licence.names):
            return Check(
                CANNOT_TELL,
                f"Needs {names}; you hold some of them. Whether one of them is enough was not recorded; "
                "read its text above.",
                f"A current {short}, if all are needed.",
                about="licence",
            )
        if not licence.needed_by:
            return Check(
                CANNOT_TELL,
                f"Needs {what}; {have}. When it must be held was not recorded, so the checker cannot tell "
                "whether you may obtain it after applying.",
                f"A current {short}.",
                about="licence",
            )
        return Check(
            NOT_MET, f"Needs {names} {licence.when}; {have}.", f"A current {short} {licence.when}.", about="licence"
        )
