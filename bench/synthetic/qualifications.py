"""The minimum qualifications of one class's versions: paths with the facts they state, substitutions, definitions.

Each path states its facts in its wording, as real specs do, and holds them beside it as the model's fields.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.text import slugify

from classes.vocabulary import PathKind, SubstitutionKind

from .words import (
    CREDIT_HOURS,
    DEGREE_NAMES,
    DEPARTMENTS,
    EDUCATION_ORDER,
    EXPERIENCE_YEARS,
    SUPERVISORY_DEFINITION,
    article,
    counted,
    listed,
    number_words,
    sentence_case,
    split_list,
    years_phrase,
)


@dataclass
class TitleInPath:
    title: str
    years: Decimal
    series_level: int | None  # the level of the same series this title is, linked to that class; None: not linked


@dataclass
class PathText:
    """A path while it is written: its lists as lists, until `row` gives it as the writer takes it."""

    kind: str
    connector: str
    label: str
    text: str
    is_equivalent_combination: bool = False
    education_level: str = ""
    education_fields: list = field(default_factory=list)
    credit_hours: int | None = None
    credit_hour_subjects: list = field(default_factory=list)
    experience_years: Decimal | None = None
    experience_kinds: list = field(default_factory=list)
    paid_experience: bool | None = None
    part_time_accepted: bool | None = None
    full_time_hours_per_week: int | None = None
    supervisory_years: Decimal | None = None
    titles: list = field(default_factory=list)  # of TitleInPath, given as rows of their own

    def row(self):
        """Path fields, each list one item a line as the model keeps it; its titles' rows under "titles"."""
        row = {name: value for name, value in vars(self).items() if name != "titles"}
        lines = {name: "\n".join(value) for name, value in row.items() if isinstance(value, list)}
        return {**row, **lines, "titles": [vars(title).copy() for title in self.titles]}


class Qualifications:
    """Mixed into `texts.Author`, whose phrases and habits they use."""

    def qualifications(self, lower_titles):
        """Paths (2 to 4), substitutions and definitions; `lower_titles` are the series' lower levels' titles."""
        rng = self.rng
        promotional = self.promotional_paths(lower_titles)
        regular = rng.randint(max(1, 2 - len(promotional)), max(1, min(3, 4 - len(promotional))))
        paths = self.regular_paths(regular)
        if regular >= 2 and len(paths) + len(promotional) < 4 and rng.random() < 0.35:
            paths.append(self.equivalent_combination())
        self.punctuate(paths)
        substitutions = self.substitutions(paths) if rng.random() < 0.35 else []
        definitions = []
        if any("supervisory*" in path.text for path in paths):
            definitions.append(
                {"marker": "*", "term": "Supervisory experience", "label": "", "text": SUPERVISORY_DEFINITION}
            )
        return [path.row() for path in paths + promotional], substitutions, definitions

    def regular_paths(self, count):
        rng = self.rng
        top = self.pick(
            ["doctorate", "master", "master", "bachelor", "bachelor", "bachelor", "associate", "high_school"]
        )
        levels = EDUCATION_ORDER[EDUCATION_ORDER.index(top) :]
        levels = sorted(rng.sample(levels, min(count, len(levels))), key=EDUCATION_ORDER.index)
        fields = self.study_fields_named()
        kinds = self.experience_kinds()
        years = Decimal(self.pick(EXPERIENCE_YEARS))
        habits = {
            "paid": self.pick([True, None]),
            "part_time": self.pick([True, False, None, None]),
            "hours": self.pick([None, None, None, 35, 40]),
            "supervisory": rng.random() < 0.15 + 0.15 * self.level,
        }
        paths = []
        for index, level in enumerate(levels):
            if index:
                years += Decimal(self.pick(["1", "1", "2", "1.5"]))
            education_only = level in ("master", "doctorate") and rng.random() < 0.3
            named_before = any(path.experience_kinds for path in paths)
            paths.append(
                self.regular_path(level, fields, kinds, None if education_only else years, habits, named_before)
            )
        return paths

    def study_fields_named(self):
        if self.rng.random() < 0.3:
            return []
        fields = self.rng.sample(self.study_fields, self.rng.randint(1, min(4, len(self.study_fields))))
        return [*fields, "a closely related field"] if self.rng.random() < 0.5 else fields

    def experience_kinds(self):
        rng = self.rng
        kinds = [f"{self.verb()[2]} {self.noun_phrase()}" for _ in range(rng.randint(1, 3))]
        return [f"{self.field} work", *kinds] if rng.random() < 0.4 else kinds

    def regular_path(self, level, fields, kinds, years, habits, kinds_named_before):
        rng = self.rng
        path = PathText(kind=PathKind.OPEN_COMPETITIVE, connector="", label="", text="", education_level=level)
        clauses = []
        if level:
            path.education_fields = fields if level != "high_school" else []
            if level in ("associate", "bachelor") and rng.random() < 0.2:
                path.credit_hours = self.pick(CREDIT_HOURS)
                path.credit_hour_subjects = rng.sample(self.study_fields, rng.randint(1, 2))
            clauses.append(self.education_clause(path))
        if years is not None:
            path.experience_years = years
            path.experience_kinds = kinds
            path.paid_experience = habits["paid"]
            path.part_time_accepted = habits["part_time"]
            path.full_time_hours_per_week = habits["hours"]
            if habits["supervisory"]:
                path.supervisory_years = min(years, Decimal(self.pick(["0.5", "1", "1", "2"])))
            clauses.append(self.experience_clause(path, kinds_named_before))
        path.text = sentence_case(" and ".join(clauses))
        if path.full_time_hours_per_week:
            path.text += f". Full-time is defined as {counted(path.full_time_hours_per_week, 'hour')} per week"
        return path

    def education_clause(self, path):
        level = path.education_level
        if level == "high_school":
            return "graduation from high school or possession of a high school equivalency diploma"
        fields = f" in {listed(path.education_fields)}" if path.education_fields else ""
        credit = ""
        if path.credit_hours:
            credit = (
                f" which included or was supplemented by {number_words(path.credit_hours)} ({path.credit_hours}) "
                f"{self.style['credit_hour_unit']} in {listed(path.credit_hour_subjects)}"
            )
        degree = DEGREE_NAMES[level]
        return f"graduation from {self.style['accreditation']} with {article(degree)} {degree} degree{fields}{credit}"

    def experience_clause(self, path, kinds_named_before):
        """The years and kinds of experience; a later path refers to the kinds an earlier one named."""
        full_time = "full-time " if path.part_time_accepted is not None or path.full_time_hours_per_week else ""
        paid = "paid " if path.paid_experience else ""
        part_time = {True: " or its part-time equivalent", False: " (part-time experience is not accepted)"}
        kinds = " as defined above" if kinds_named_before else f" in {listed(path.experience_kinds)}"
        clause = f"{years_phrase(path.experience_years)} of {full_time}{paid}experience{part_time.get(path.part_time_accepted, '')}{kinds}"
        if path.supervisory_years:
            clause += f", {years_phrase(path.supervisory_years)} of which must have been in a supervisory* capacity"
        return clause

    def equivalent_combination(self):
        """Its text names the other paths once their labels are known (`punctuate`)."""
        return PathText(kind=PathKind.OPEN_COMPETITIVE, connector="", label="", text="", is_equivalent_combination=True)

    def punctuate(self, paths):
        """Labels, connectors and closing punctuation as this jurisdiction prints open-competitive paths."""
        style = self.style["label_style"]
        for index, path in enumerate(paths):
            path.label = label_for(style, index)
            # Unlabelled paths are told apart by an "OR:" before each, unless each ends with its own "; OR".
            path.connector = "OR:" if not style and index and self.style["path_end"] == "." else ""
            if path.is_equivalent_combination:
                others = listed([label_for(style, n) for n in range(index)], "and") if style else "the paths"
                path.text = (
                    f"An equivalent combination of training and experience as defined by the limits of {others} above"
                )
            last = index == len(paths) - 1
            path.text += "." if last or self.style["path_end"] == "." else self.style["path_end"]

    def promotional_paths(self, lower_titles):
        rng = self.rng
        if lower_titles and rng.random() < 0.85:
            linked = list(reversed(lower_titles))[: rng.randint(1, len(lower_titles))]
            levels = range(self.level - 1, self.level - 1 - len(linked), -1)
            titles = [
                TitleInPath(title, Decimal(1 + n), level)
                for n, (title, level) in enumerate(zip(linked, levels, strict=True))
            ]
        elif rng.random() < 0.15:
            titles = [TitleInPath(title, Decimal(self.pick([1, 2])), None) for title in self.outside_titles()]
        else:
            return []
        if rng.random() < 0.3:
            titles.append(TitleInPath(self.outside_titles()[0], titles[-1].years + 1, None))
        return [self.promotional_path(titles)]

    def outside_titles(self):
        """One or two titles of other lines of work that are not classes of this jurisdiction, so not linked."""
        return [self.outside_title() for _ in range(self.rng.randint(1, 2))]

    def outside_title(self):
        fields, occupations, _ = DEPARTMENTS[self.series.department]
        for _ in range(20):
            prefix = self.pick(["Senior", "Principal", "Supervising"])
            title = f"{prefix} {self.pick(split_list(fields))} {self.pick(split_list(occupations))}"
            if slugify(title) not in self.taken_slugs:
                return title
        return f"{title} (State)"

    def promotional_path(self, titles):
        status = self.style["status_phrase"]
        if len({title.years for title in titles}) == 1:
            years = years_phrase(titles[0].years)
            text = f"{sentence_case(years)} of {status} as {listed(t.title for t in titles)}"
        else:
            named = [f"{years_phrase(t.years)} as {article(t.title)} {t.title}" for t in titles]
            text = sentence_case(f"{named[0].replace(' as ', f' of {status} as ', 1)}") + (
                f" or {listed(named[1:])}" if len(named) > 1 else ""
            )
        text += " immediately preceding the date of the promotional examination."
        return PathText(kind=PathKind.PROMOTIONAL, connector="", label="", text=text, titles=titles)

    def substitutions(self, paths):
        rng = self.rng
        regular = [path for path in paths if path.experience_years is not None]
        if not regular or regular[0].education_level not in ("associate", "bachelor", "master"):
            return [self.unrated_substitution()]
        top = regular[0]  # the most education with experience: education beyond it stands in for experience
        if rng.random() < 0.25:
            return [self.unrated_substitution()]
        least = min(path.experience_years for path in regular)
        floor = self.pick([None, Decimal("0.5"), Decimal(1)])
        floor = floor if floor is not None and floor < least else None
        room = least - (floor or 0)
        cap = self.pick([None, Decimal(1), Decimal(2)])
        cap = cap if cap is not None and cap <= room else None
        rate = self.pick([Decimal(1), Decimal(1), Decimal("0.5")])
        beyond = top.education_level
        fields = bool(top.education_fields) and rng.random() < 0.7
        degree = DEGREE_NAMES[beyond]
        education = f"education beyond {article(degree)} {degree} degree" + (
            " in the fields noted above" if fields else ""
        )
        if rate == 1:
            text = f"{sentence_case(education)} may be substituted for experience on a year for year basis"
            text += f" up to {years_phrase(cap)}." if cap else "."
        else:
            text = f"Each year (30 credit hours) of {education} may be substituted for six (6) months of experience"
            text += f", up to a maximum of {years_phrase(cap)}." if cap else "."
        if floor:
            text += f" {sentence_case(years_phrase(floor))} of experience is required."
        return [
            {
                "label": self.pick(["Note:", "NOTE:", "SUBSTITUTION:"]),
                "text": text,
                "kind": SubstitutionKind.EDUCATION_FOR_EXPERIENCE,
                "education_beyond": beyond,
                "in_path_fields": fields,
                "years_per_year": rate,
                "cap_years": cap,
                "floor_years": floor,
            }
        ]

    def unrated_substitution(self):
        return {
            "label": "Education/Experience Equivalency:",
            "text": "Additional appropriate education may be substituted for the minimum experience requirement.",
            "kind": SubstitutionKind.EDUCATION_FOR_EXPERIENCE,
            "education_beyond": "",
            "in_path_fields": False,
            "years_per_year": None,
            "cap_years": None,
            "floor_years": None,
        }


def label_for(style, index):
    letter = "ABCDEFGH"[index]
    return {"A)": f"{letter})", "(A)": f"({letter})", "1.": f"{index + 1}.", "": ""}[style]
