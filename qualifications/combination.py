"""An equivalent combination of training and experience, within the limits of a version's other paths.

Each other open-competitive path is a point (years of college it asks, years of experience, supervisory years,
credit hours); between two points the requirements move in a straight line, and beyond the ends they stay at the
end's. The applicant meets the combination if, counting some of their college (up to all of it), every
requirement at that point is met.
"""

import math
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise

from .entry import combined_paths, lowest_education
from .outcomes import CANNOT_TELL, MET, NOT_MET, Check
from .rules import JobsRule, PathRule, norm, unique
from .wording import amount, listing, years


@dataclass(frozen=True)
class Needs:
    """What a path asks at a number of years of college: years of experience, of it supervisory, credit hours."""

    college: Fraction
    experience: Fraction
    supervisory: Fraction
    credit_hours: Fraction

    def met_by(self, experience, supervisory, credit_hours):
        return experience >= self.experience and supervisory >= self.supervisory and credit_hours >= self.credit_hours

    @classmethod
    def of(cls, path, degree_years):
        return cls(
            degree_years(path.education_level),
            path.experience_years,
            path.supervisory_years or Fraction(0),
            path.credit_hours_needed or Fraction(0),
        )


def combination(screen, rule, assumed):
    """The checks of the combination path `rule`, made by `screen` (the checker's screening of one profile); what
    it takes as given goes to `assumed`."""
    anchors = combined_paths(screen.rules.paths)
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
        (Needs.of(p, screen.degree_years) for p in anchors),
        key=lambda needs: (needs.college, needs.experience, needs.supervisory, needs.credit_hours),
    ):
        by_college.setdefault(point.college, point)
    points = list(by_college.values())
    names = listing((p.name for p in anchors), "and")
    lowest = lowest_education(rule, screen.rules.paths)
    checks = []
    if lowest:
        checks.extend(screen.education(PathRule(education_level=lowest), assumed))
    fields = tuple(unique(name for p in anchors for name in p.education_fields))
    college = screen.college_years()
    if fields:
        ok, _ = screen.degree_in(fields, assumed)
        if not ok:
            college = Fraction(0)
    accredited = any(p.accredited_education for p in anchors)  # the others' education must be from such a school
    if accredited and screen.profile.accredited is False:
        college = Fraction(0)
    college = min(college, points[-1].college)
    jobs = JobsRule(
        kinds=tuple(unique(kind for p in anchors for kind in p.experience_kinds)),
        excluded=tuple(unique(kind for p in anchors for kind in p.excluded_experience)),
        paid=any(p.paid_experience for p in anchors),
        part_time=False if any(p.part_time_accepted is False for p in anchors) else None,
        full_week=max(p.jobs_rule(screen.full_week).full_week for p in anchors),
        service=next((p.service for p in anchors if p.service), ""),
    )
    counted = screen.counted(jobs, assumed)
    have, have_supervisory, notes = counted.months / 12, counted.supervisory_months / 12, counted.notes
    if accredited and screen.profile.accredited is False and screen.has_college():
        notes = [*notes, "your college is not counted, as the paths ask for an accredited one and yours was not"]
    if any(p.complete_years_only for p in anchors):
        have = Fraction(math.floor(have))
        notes = [*notes, "only complete years count"]
    profile = screen.profile
    subjects = [p.credit_hour_subjects for p in anchors if p.credit_hours_needed]
    credits = max((profile.credit_hours.get(norm(s), Fraction(0)) for s in subjects), default=Fraction(0))
    if subjects and screen.assume and not any(norm(s) in profile.credit_hours for s in subjects):
        credits = Fraction(10**6)
        assumed.append(f"credit hours in {listing(subjects)}")

    start = points[0].college
    steps = [start + Fraction(n, 30) for n in range(int((college - start) * 30) + 1)]  # a semester hour at a time
    # The most college that makes the combination met: usually the most there is, so looked for from the top.
    meeting = next((at for at in reversed(steps) if _along(points, at).met_by(have, have_supervisory, credits)), None)
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
        + (f" and {amount(credits)} credit hours" if credit_need and not screen.assume else "")
        + "".join(f"; {note}" for note in notes)
        + "."
    )
    if meeting is not None:
        checks.append(Check(MET, said))
        # Where college is counted (every path asks some, or it closes the gap), whether it was accredited decides.
        counts_college = start > 0 or not _along(points, start).met_by(have, have_supervisory, credits)
        if accredited and counts_college and screen.has_college():
            checks.append(screen.accreditation(assumed))
    elif college < start:
        checks.append(
            Check(
                NOT_MET,
                f"{said} Every path asks for at least {years(start)} of college.",
                f"{years(start - college)} more of college.",
                about="education",
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
        checks.append(Check(NOT_MET, said, gap + ".", about="experience"))
    return checks


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
