"""Properties of the checker over generated rules and profiles, without the database.

More of anything an applicant has (time in work or in a title, education, credit hours, a licence, a school said to be
accredited) never takes a met path away, a path met on condition is met once its licences
are held, and any JSON-like value is either read as a profile the checker can screen or refused with a ProfileError.
"""

import dataclasses
from fractions import Fraction

import hypothesis
from hypothesis import given, settings, target
from hypothesis import strategies as st

from classes.vocabulary import EducationLevel, LicenseNeededBy, PathKind, StatusRequired, SubstitutionKind
from qualifications.checker import CANNOT_TELL, MET, MET_ON_CONDITION, NOT_MET, evaluate, overall
from qualifications.profile import JOB_KEYS, Job, Licence, Profile, ProfileError, read_profile
from qualifications.rules import LicenceRule, PathRule, Rules, SubstitutionRule, norm

KINDS = ("Computer programming", "Social casework", "Investigating")
EXCLUDED = "Volunteer work"  # a kind of work the generated paths may say does not count
LICENCES = ("Driver's license", "Notary commission")
FIELDS = ("Computer science", "Social work")
SUBJECTS = ("programming", "accounting")
TITLES = ("Clerk", "Senior Clerk", "Examiner")
LEVELS = ("", *EducationLevel.values)
OUTCOMES = {MET, MET_ON_CONDITION, NOT_MET, CANNOT_TELL}

EXAMPLES = settings(max_examples=200, deadline=None, database=None)  # no example database in the project


def subset(names):
    return st.lists(st.sampled_from(names), unique=True).map(tuple)


# Rules, within the models' own limits

quarter_years = st.integers(0, 40).map(lambda quarters: Fraction(quarters, 4))  # 0 to 10 years


maybe_years = st.none() | quarter_years
maybe_hours = st.none() | st.integers(0, 60)
maybe_flag = st.none() | st.booleans()
levels = st.sampled_from(LEVELS)
fields = subset(FIELDS)
kinds = subset(KINDS)
subjects = st.sampled_from(SUBJECTS)


one_in_three = st.sampled_from((False, False, True))
licence_rules = st.builds(
    LicenceRule,
    names=st.lists(st.sampled_from(LICENCES), min_size=1, unique=True).map(tuple),
    needed_by=st.sampled_from(["", *LicenseNeededBy.values]),
    within_months=st.none() | st.integers(1, 24),
)


@st.composite
def open_paths(draw):
    """An open-competitive path asking each thing about one time in three (experience two in three), so that
    generated profiles meet it often enough for the properties to bite."""

    def sometimes(strategy, empty=None):
        return draw(strategy) if draw(one_in_three) else empty

    years = None if draw(one_in_three) else draw(quarter_years)
    supervisory = sometimes(quarter_years)
    credit_hours = sometimes(st.integers(0, 60))
    return PathRule(
        label="",
        education_level=sometimes(levels, ""),
        accredited_education=sometimes(st.just(True)),
        education_fields=sometimes(fields, ()),
        credit_hours=credit_hours,
        credit_hour_subjects=draw(subjects) if credit_hours else "",
        experience_years=years,
        # never more than the experience, nor without it (a constraint of the model)
        supervisory_years=None if years is None or supervisory is None else min(supervisory, years),
        experience_kinds=sometimes(kinds, ()),
        paid_experience=draw(maybe_flag),
        part_time_accepted=draw(maybe_flag),
        full_time_hours_per_week=draw(maybe_hours),
        excluded_experience=sometimes(st.just((EXCLUDED,)), ()),
        complete_years_only=draw(maybe_flag),
        licences=sometimes(licence_rules),
    )


promotional_paths = st.builds(
    PathRule,
    label=st.just(""),
    kind=st.just(PathKind.PROMOTIONAL),
    education_level=levels,
    titles=st.lists(st.tuples(st.sampled_from(TITLES), quarter_years), max_size=3, unique_by=lambda t: t[0]).map(tuple),
    titles_combined=maybe_flag,
    status_required=st.sampled_from(["", *StatusRequired.values]),
)
combination_path = st.just(PathRule(label="", is_equivalent_combination=True))
open_path = open_paths()

substitutions = st.builds(
    SubstitutionRule,
    kind=st.sampled_from(SubstitutionKind.values),
    text=st.just("Education may be substituted for experience."),
    education_beyond=levels,
    in_path_fields=st.booleans(),
    years_per_year=maybe_years,
    cap_years=maybe_years,
    floor_years=maybe_years,
    credit_hours=st.none() | st.integers(1, 30),
    quarter_units=st.none() | st.integers(1, 45),
    credit_hour_subjects=st.sampled_from(("", *SUBJECTS)),
    years_for_units=maybe_years,
)


def labelled(paths):
    return tuple(dataclasses.replace(path, label=f"{chr(ord('A') + n)})") for n, path in enumerate(paths))


@st.composite
def some_rules(draw):
    """One to three open-competitive paths, perhaps an equivalent combination of them and a promotional path."""
    paths = draw(st.lists(open_path, min_size=1, max_size=3))
    if draw(st.booleans()):
        paths.append(draw(combination_path))
    if draw(st.booleans()):
        paths.append(draw(promotional_paths))
    return Rules(
        paths=labelled(paths),
        substitutions=tuple(draw(st.lists(substitutions, max_size=2))),
        licences=tuple(draw(st.lists(licence_rules, max_size=1))),
    )


all_rules = some_rules()


# Profiles, built directly (names `norm`ed, as read_profile stores them)


def normed(names):
    """Some of `names`, often all of them (so that paths are met often enough for the properties to bite)."""
    return (subset(names) | st.just(names)).map(lambda picked: frozenset(norm(name) for name in picked))


jobs = st.builds(
    Job,
    months=st.integers(0, 240).map(Fraction),
    hours_per_week=st.integers(0, 80).map(Fraction) | st.just(Fraction(40)),
    paid=st.booleans(),
    supervisory=st.booleans(),
    kinds=normed(KINDS) | normed((*KINDS, EXCLUDED)),
)
licences = st.dictionaries(st.sampled_from(LICENCES).map(norm), st.builds(Licence, current=st.booleans()))

profiles = st.builds(
    Profile,
    education_level=st.sampled_from(LEVELS),
    college_credits=st.integers(0, 300).map(Fraction),
    degree_fields=normed(FIELDS),
    credit_hours=st.dictionaries(st.sampled_from(SUBJECTS).map(norm), st.integers(0, 60).map(Fraction)),
    jobs=st.lists(jobs, max_size=3).map(tuple),
    status=st.dictionaries(st.sampled_from(TITLES).map(norm), quarter_years),
    provisional=st.dictionaries(st.sampled_from(TITLES).map(norm), quarter_years),
    accredited=st.none() | st.booleans(),
    licences=licences,
)


def met(rules, profile, assume):
    return [result.outcome == MET for result in evaluate(rules, profile, assume_confirmed=assume)]


def lost(rules, before, after, assume):
    """Labels of the paths `before` meets and `after` does not."""
    then, now = met(rules, before, assume), met(rules, after, assume)
    return [path.label for path, was, is_ in zip(rules.paths, then, now, strict=True) if was and not is_]


def seek_met_paths(rules, profile, assume):
    """Steer generation towards examples meeting more paths: they have something to lose."""
    target(sum(met(rules, profile, assume)), label="paths met")


# (a) More never takes a met path away


@EXAMPLES
@given(all_rules, profiles, st.data(), st.booleans())
def test_more_months_in_a_job_never_take_a_met_path_away(rules, profile, data, assume):
    if not profile.jobs:
        profile = dataclasses.replace(profile, jobs=(data.draw(jobs),))
    n = data.draw(st.integers(0, len(profile.jobs) - 1))
    longer = dataclasses.replace(profile.jobs[n], months=profile.jobs[n].months + data.draw(st.integers(1, 120)))
    more = dataclasses.replace(profile, jobs=(*profile.jobs[:n], longer, *profile.jobs[n + 1 :]))
    seek_met_paths(rules, profile, assume)

    assert lost(rules, profile, more, assume) == []


@EXAMPLES
@given(all_rules, profiles, jobs, st.booleans())
def test_another_job_never_takes_a_met_path_away(rules, profile, job, assume):
    more = dataclasses.replace(profile, jobs=(*profile.jobs, job))
    seek_met_paths(rules, profile, assume)

    assert lost(rules, profile, more, assume) == []


@EXAMPLES
@given(all_rules, profiles, st.booleans())
def test_a_higher_education_level_never_takes_a_met_path_away(rules, profile, assume):
    higher_levels = LEVELS[LEVELS.index(profile.education_level) + 1 :]
    seek_met_paths(rules, profile, assume)

    for level in higher_levels:
        more = dataclasses.replace(profile, education_level=level)
        assert lost(rules, profile, more, assume) == [], f"raised to {level or 'no level'}"


@EXAMPLES
@given(all_rules, profiles, st.booleans())
def test_saying_the_school_was_accredited_never_takes_a_met_path_away(rules, profile, assume):
    more = dataclasses.replace(profile, accredited=True)
    seek_met_paths(rules, profile, assume)

    assert lost(rules, profile, more, assume) == []


@EXAMPLES
@given(all_rules, profiles, st.sampled_from(TITLES), quarter_years, st.booleans(), st.booleans())
def test_more_time_in_a_title_permanent_or_provisional_never_takes_a_met_path_away(
    rules, profile, title, added, permanent, assume
):
    kept = profile.status if permanent else profile.provisional
    more_time = {**kept, norm(title): kept.get(norm(title), Fraction(0)) + added}
    more = dataclasses.replace(profile, **{"status" if permanent else "provisional": more_time})
    seek_met_paths(rules, profile, assume)

    assert lost(rules, profile, more, assume) == []


@EXAMPLES
@given(all_rules, profiles, st.sampled_from(SUBJECTS), st.integers(1, 60), st.booleans())
def test_more_credit_hours_in_a_subject_never_take_a_met_path_away(rules, profile, subject, added, assume):
    # Assuming confirmations, hours never given are taken as enough, and a figure given replaces that assumption.
    hypothesis.assume(not assume or norm(subject) in profile.credit_hours)
    hours = {**profile.credit_hours, norm(subject): profile.credit_hours.get(norm(subject), Fraction(0)) + added}
    more = dataclasses.replace(profile, credit_hours=hours)
    seek_met_paths(rules, profile, assume)

    assert lost(rules, profile, more, assume) == []


@EXAMPLES
@given(all_rules, profiles, st.sampled_from(LICENCES), st.booleans())
def test_holding_a_licence_never_takes_a_met_path_away(rules, profile, name, assume):
    more = dataclasses.replace(profile, licences={**profile.licences, norm(name): Licence(current=True)})
    seek_met_paths(rules, profile, assume)

    assert lost(rules, profile, more, assume) == []


@EXAMPLES
@given(all_rules, profiles, st.booleans())
def test_a_path_met_on_condition_is_met_once_every_licence_is_held(rules, profile, assume):
    every = dataclasses.replace(profile, licences={norm(name): Licence(current=True) for name in LICENCES})
    before, after = evaluate(rules, profile, assume_confirmed=assume), evaluate(rules, every, assume_confirmed=assume)
    target(sum(result.outcome == MET_ON_CONDITION for result in before), label="paths met on condition")

    for then, now in zip(before, after, strict=True):
        if then.outcome == MET_ON_CONDITION:
            assert then.conditions
            assert now.outcome == MET


# (b) Reading never fails but with a ProfileError, and what is read can always be screened

QUESTIONS = Rules(
    paths=(
        PathRule(
            label="A)",
            education_fields=FIELDS,
            credit_hours=12,
            credit_hour_subjects=SUBJECTS[0],
            experience_years=Fraction(1),
            experience_kinds=KINDS,
        ),
        PathRule(label="B)", credit_hours=24, credit_hour_subjects=SUBJECTS[1]),
        PathRule(label="C)", kind=PathKind.PROMOTIONAL, titles=tuple((title, Fraction(1)) for title in TITLES)),
    ),
    licences=(LicenceRule(LICENCES, LicenseNeededBy.APPOINTMENT),),
).questions()
questions = st.sampled_from([None, QUESTIONS])
# Text from a small alphabet where names and numbers go wrong: digits of other scripts, signs, exponents, spaces.
text = st.text(alphabet="aZé 0123456789.,-+eE_/½١２\u00a0\n*", max_size=12)


def in_range(most):
    """A number an applicant may give, as JSON carries it: an integer, a decimal in text, or a float."""
    return st.integers(0, most) | st.decimals(0, most, places=2).map(str) | st.floats(0, most)


def printed(names):
    """Names as the lists print them, in any case."""
    return st.lists(st.sampled_from(names) | st.sampled_from(names).map(str.upper), max_size=3)


valid_job_data = st.fixed_dictionaries(
    {},
    optional={
        "title": text,
        "years": in_range(10),
        "months": in_range(120),
        "hours_per_week": in_range(80),
        "paid": st.booleans(),
        "supervisory": st.booleans(),
        "kinds": printed(KINDS),
    },
)
valid_profile_data = st.fixed_dictionaries(
    # education_level is always given: a profile without one is refused (an xfail in test_checker.py)
    {"education_level": st.sampled_from(EducationLevel.values)},
    optional={
        "college_credits": in_range(300),
        "degree_fields": printed(FIELDS),
        "credit_hours": st.dictionaries(subjects, in_range(60), max_size=2),
        "jobs": st.lists(valid_job_data, max_size=4),
        "status": st.dictionaries(st.sampled_from(TITLES), in_range(10), max_size=3),
        "provisional": st.dictionaries(st.sampled_from(TITLES), in_range(10), max_size=3),
        "accredited": st.none() | st.booleans(),
        "examination": st.sampled_from(PathKind.values),
        "credit_units": st.sampled_from(["semester", "quarter"]),
        "licenses": st.lists(
            st.fixed_dictionaries(
                {"name": st.sampled_from(LICENCES)},
                optional={"status": st.sampled_from(["current", "expired"]), "expires_on": st.dates().map(str)},
            ),
            max_size=2,
        ),
    },
)

numbers = st.one_of(
    st.integers(-10, 400),
    st.integers(),
    st.floats(),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.sampled_from(["1e999999", "2.5", " 3 ", ".5", "-1", "", "1_000", "0x10", "½", "١٢", "NaN", "inf"]),
)
json_values = st.recursive(
    st.none() | st.booleans() | numbers | text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=20,
)
names = st.lists(st.sampled_from(KINDS + FIELDS + TITLES) | text, max_size=3)
job_data = st.fixed_dictionaries({}, optional=dict.fromkeys(JOB_KEYS, numbers | names | json_values))
profile_data = st.fixed_dictionaries(
    {},
    optional={
        "education_level": st.sampled_from(LEVELS) | json_values,
        "college_credits": numbers | json_values,
        "degree_fields": names | json_values,
        "credit_hours": st.dictionaries(subjects | text, numbers, max_size=3) | json_values,
        "jobs": st.lists(job_data, max_size=4) | json_values,
        "status": st.dictionaries(st.sampled_from(TITLES) | text, numbers, max_size=3) | json_values,
        "provisional": st.dictionaries(st.sampled_from(TITLES) | text, numbers, max_size=3) | json_values,
        "accredited": st.none() | st.booleans() | json_values,
        "examination": st.sampled_from(PathKind.values) | json_values,
        "credit_units": json_values,
        "licenses": st.lists(
            st.fixed_dictionaries({}, optional={"name": names | text, "status": text, "expires_on": text | numbers}),
            max_size=2,
        )
        | json_values,
    },
)


def read_or_refused(data, questions):
    """The profile read, or None where it is refused with messages; anything else raised fails the test."""
    try:
        return read_profile(data, questions)
    except ProfileError as error:
        assert error.messages
        assert all(isinstance(message, str) and message for message in error.messages)
        return None


@EXAMPLES
@given(json_values, questions)
def test_any_json_value_is_read_as_a_profile_or_refused(data, questions):
    read_or_refused(data, questions)


@EXAMPLES
@given(profile_data, questions)
def test_any_profile_shaped_value_is_read_or_refused(data, questions):
    read_or_refused(data, questions)


@EXAMPLES
@given(valid_profile_data)
def test_a_profile_of_numbers_in_range_and_printed_names_is_read(data):
    assert read_or_refused(data, QUESTIONS) is not None


@EXAMPLES
@given(all_rules, valid_profile_data | profile_data, st.booleans(), st.booleans())
def test_a_profile_read_can_always_be_screened(rules, data, asked, assume):
    profile = read_or_refused(data, rules.questions() if asked else None)
    if profile is None:
        return

    results = evaluate(rules, profile, assume_confirmed=assume)

    assert [result.rule for result in results] == list(rules.paths)
    assert overall(results) in OUTCOMES
    assert overall(results, profile.examination) in OUTCOMES
    for result in results:
        assert result.outcome in OUTCOMES
        assert result.reasons
        assert result.outcome != NOT_MET or result.gaps  # what is not met says what would close the gap
        assert (result.outcome == MET_ON_CONDITION) == bool(result.conditions)
