"""The facts a path's wording states are read beside it: years in words or figures, units, licences and when they
are due, supervisory shares, part-time rules, work that does not count, whose service, and the rules of substitution;
a fact read with doubt is reported with what was assumed."""

from decimal import Decimal

from classes.importing import parse_spec


def qualifications(*lines, heading="MINIMUM QUALIFICATIONS"):
    document = parse_spec(["PLANNER", "", heading, "", *lines], source="planner.txt")
    return document.spec, document


def only_path(*lines):
    spec, _ = qualifications(*lines)
    (path,) = spec.paths
    return path


def test_years_are_read_in_words_in_figures_and_in_months():
    assert only_path("Two (2) years of experience in planning.").experience_years == Decimal(2)
    assert only_path("Eighteen months of experience in planning.").experience_years == Decimal("1.5")
    assert only_path("3 years of full-time paid planning experience.").experience_years == Decimal(3)
    assert only_path("No experience is required.").experience_years == Decimal(0)


def test_more_than_a_number_of_years_is_read_as_that_number_and_reported_as_doubtful():
    spec, document = qualifications("Broad and responsible (more than five years) planning experience.")

    assert spec.paths[0].experience_years == Decimal(5)
    (doubt,) = document.doubts
    assert (doubt.fact, doubt.assumed) == ("experience_years", "5 years")


def test_semester_and_quarter_units_and_a_total_beside_units_in_named_subjects_are_read():
    path = only_path("Completion of 24 semester or 36 quarter units in accounting.")
    assert (path.credit_hours, path.quarter_units, path.credit_hour_subjects) == (24, 36, "accounting")

    path = only_path("Completion of 60 semester units, including 12 units in statistics.")
    assert (path.total_credit_hours, path.credit_hours, path.credit_hour_subjects) == (60, 12, "statistics")


def test_a_supervisory_share_and_part_time_rules_are_read():
    path = only_path(
        "Four years of full-time (40 hours per week) planning experience or its part-time equivalent, "
        "at least one-half of which must have been supervisory."
    )

    assert (path.experience_years, path.supervisory_years) == (Decimal(4), Decimal(2))
    assert (path.part_time_accepted, path.full_time_hours_per_week) == (True, 40)


def test_a_licence_and_when_it_is_due_are_read():
    path = only_path(
        "Two years of surveying experience. Possession of a valid Land Surveyor license at the time of appointment."
    )
    assert (path.licenses, path.license_needed_by) == ("a valid Land Surveyor license", "appointment")

    path = only_path(
        "One year of permit experience. Certification as a Permit Technician within six months of appointment."
    )
    assert (path.license_needed_by, path.license_within_months) == ("within_period", 6)


def test_a_course_certificate_or_a_diploma_is_no_licence():
    assert only_path("Graduation from high school or possession of a GED certificate.").licenses == ""
    assert only_path("Completion of a certificate program in drafting.").licenses == ""


def test_work_the_text_says_does_not_count_and_complete_years_only_are_read():
    path = only_path(
        "Two years of planning experience. Clerical experience does not qualify. Only complete years of experience are counted."
    )

    assert (path.excluded_experience, path.complete_years_only) == ("Clerical experience", True)


def test_experience_in_the_employer_s_own_service_makes_a_path_promotional():
    path = only_path("Current employment with the City of Brookfield and one year of experience as a Planner I.")

    assert (path.kind, path.service, path.status_required) == (
        "promotional",
        "the City of Brookfield",
        "current_employment",
    )


def test_a_path_of_an_equivalent_combination_says_so_and_states_no_other_fact():
    path = only_path("Any combination of training and experience equivalent to the above.")

    assert path.is_equivalent_combination and path.experience_years is None


def test_a_substitution_s_rate_cap_and_floor_are_read():
    spec, _ = qualifications(
        "Three years of planning experience.",
        "",
        "Note: Graduate study in planning may be substituted for experience at the rate of six months for each year, "
        "up to one year. One year of experience is required.",
    )

    (rule,) = spec.substitutions
    assert (rule.label, rule.kind, rule.education_beyond) == ("Note:", "education_for_experience", "bachelor")
    assert (rule.years_per_year, rule.cap_years, rule.floor_years) == (Decimal("0.5"), Decimal(1), Decimal(1))
    assert rule.path is None  # printed apart from the paths: it applies to every one


def test_pattern_labels_are_alternatives():
    spec, _ = qualifications(
        "Pattern I", "", "One year of planning experience.", "", "Pattern II", "", "Three years of office experience."
    )

    assert [(p.label, p.experience_years) for p in spec.paths] == [("Pattern I", 1), ("Pattern II", 3)]


def test_alternatives_of_different_years_in_one_sentence_are_separate_paths_reported_as_such():
    spec, document = qualifications(
        "Either I",
        "",
        "Two years as a Planner II, or four years as a Planner I in the Brookfield state service.",
        "",
        "Or II",
        "",
        "Six years of planning experience.",
    )

    assert [(p.label, p.experience_years, p.kind) for p in spec.paths] == [
        ("I", 2, "promotional"),
        ("", 4, "promotional"),
        ("II", 6, "open_competitive"),
    ]
    assert [(d.fact, d.assumed) for d in document.doubts] == [("paths", "2 alternatives")]


def test_a_numbered_list_completing_a_requirement_is_one_path():
    spec, _ = qualifications(
        "Two years of experience in one or more of the following:",
        "1. Land use planning;",
        "2. Zoning administration; and",
        "3. Environmental review.",
    )

    (path,) = spec.paths
    assert path.experience_years == Decimal(2)
    assert path.text.endswith("3. Environmental review.")
