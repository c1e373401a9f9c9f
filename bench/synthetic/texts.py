"""The wording of one class's versions: duties, KSAs, features and the other parts, as its jurisdiction prints them.

A version's lists hold one dict per row, keyed by the fields of the part's model (`classes.structure.PARTS`, by the
part's name): the writer fills every field a row leaves out with the field's default.
"""

from dataclasses import dataclass

from classes.vocabulary import KSAKind, SectionLayout, SectionPlacement, SpecialRequirementKind

from .qualifications import Qualifications
from .words import (
    ABILITY_ADJECTIVES,
    ADJECTIVES,
    CERTIFICATIONS,
    CLOSING_DUTIES,
    COMPETENCIES,
    DEPARTMENTS,
    FACILITIES,
    HEADS,
    KSA_LEVELS,
    LICENSES,
    LONG_CHARACTERISTICS,
    PEOPLE,
    PERSONAL_CHARACTERISTICS,
    PHYSICAL_DEMANDS,
    VERBS,
    WORDS,
    article,
    counted,
    sentence_case,
    split_list,
)


@dataclass
class SpecText:
    """One version of a class: its header facts and prose (Version fields), department, and lists of parts.

    Each list is named as its part is (`classes.structure.PARTS`) and holds the part's rows, each a dict of fields."""

    number: int
    status: str
    header: dict
    department: str | None
    features: list  # sentences of the distinguishing features
    duties: list  # the last one closes the list
    ksas: list
    competencies: list
    other_sections: list
    special_requirements: list
    paths: list  # each with its promotional titles under "titles"
    substitutions: list
    definitions: list

    def rows(self, part):
        """The rows of a part; none for a part the catalogue does not invent."""
        return getattr(self, part.name, [])


class Author(Qualifications):
    """Writes the text of one class's versions from the jurisdiction's habits and the class's line of work."""

    def __init__(self, rng, jurisdiction, series, level, taken_slugs):
        self.rng = rng
        self.taken_slugs = taken_slugs  # of every class title in the jurisdiction
        self.jurisdiction = jurisdiction
        self.style = jurisdiction.style
        self.series = series
        self.level = level  # 1-based level in the series
        self.field = series.field.lower()
        self.study_fields = split_list(DEPARTMENTS[series.department][2])

    # Phrases

    def pick(self, choices):
        """One of the choices, evenly, from a single draw: cheaper than rng.choice, and this is the inner loop."""
        return choices[int(self.rng.random() * len(choices))]

    def word(self):
        return WORDS.draw(self.rng)

    def noun_phrase(self):
        random = self.rng.random
        words = []
        if random() < 0.2:
            words.append(self.pick(ADJECTIVES))
        if random() < 0.12:
            words.append(self.field)
        elif random() < 0.85:
            words.append(self.word())
            if random() < 0.15:
                words.append(self.word())
        words.append(self.pick(HEADS))
        return " ".join(words)

    def verb(self):
        return self.pick(VERBS)

    def qualifier(self):
        rng = self.rng
        choice = rng.random()
        if choice < 0.2:
            return f" for {self.noun_phrase()}"
        if choice < 0.3:
            return f" in accordance with {self.noun_phrase()}"
        if choice < 0.42:
            return f" with {self.pick(PEOPLE)}"
        if choice < 0.5:
            return f" related to {self.noun_phrase()}"
        if choice < 0.55:
            return f" as required by Section {rng.randint(2, 999)} of the {self.word().capitalize()} Law"
        if choice < 0.58:
            return f" at {self.facility()}"
        return ""

    # Parts

    def duty(self):
        rng = self.rng
        verb, form = self.verb(), rng.random()
        if form < 0.45:
            text = f"{verb[1]} {self.noun_phrase()}{self.qualifier()}"
        elif form < 0.7:
            text = f"{verb[1]} and {self.verb()[1]} {self.noun_phrase()}{self.qualifier()}"
        elif form < 0.85:
            text = f"{verb[1]} {self.noun_phrase()} to ensure accuracy and compliance with {self.noun_phrase()}"
        else:
            text = f"{verb[1]} {self.noun_phrase()} and {self.noun_phrase()}, {self.verb()[2]} {self.noun_phrase()} as needed"
        return {"text": sentence_case(text) + self.style["duty_end"]}

    def duties(self):
        return [self.duty() for _ in range(self.rng.randint(9, 24))] + [{"text": self.pick(CLOSING_DUTIES)}]

    def ksa(self, kind):
        rng = self.rng
        if kind == KSAKind.KNOWLEDGE:
            level = self.pick(KSA_LEVELS) if self.style["levels"] and rng.random() < 0.8 else ""
            topic = self.pick(["the principles and practices of ", "the methods and techniques of ", "", ""])
            text = f"{level.capitalize()} knowledge of {topic}{self.noun_phrase()}".strip()
        elif kind == KSAKind.SKILL:
            level, text = "", f"Skill in {self.verb()[2]} {self.noun_phrase()}"
        elif kind == KSAKind.ABILITY:
            level = "good" if self.style["levels"] and rng.random() < 0.1 else ""
            if level:
                text = (
                    f"Good {self.pick(ABILITY_ADJECTIVES)} ability as required in {self.verb()[2]} {self.noun_phrase()}"
                )
            else:
                text = f"Ability to {self.verb()[0]} {self.noun_phrase()}{self.qualifier()}"
        else:
            level = ""
            if rng.random() < 0.6:
                text = " and ".join(rng.sample(PERSONAL_CHARACTERISTICS, 2))
            else:
                text = self.pick(PERSONAL_CHARACTERISTICS + LONG_CHARACTERISTICS)
        return {"text": sentence_case(text) + ";", "kind": kind, "level": level}

    def ksas(self):
        count = self.rng.randint(15, 40)
        kinds = self.rng.choices(
            [KSAKind.KNOWLEDGE, KSAKind.SKILL, KSAKind.ABILITY, KSAKind.PERSONAL_CHARACTERISTIC],
            weights=[40, 10, 40, 10],
            k=count,
        )
        order = [KSAKind.KNOWLEDGE, KSAKind.SKILL, KSAKind.ABILITY, KSAKind.PERSONAL_CHARACTERISTIC]
        items = [self.ksa(kind) for kind in sorted(kinds, key=order.index)]
        items[-1] = punctuated(items[-1], ".")
        return items

    def features(self, department):
        """Sentences of the distinguishing features: the role, the work, the level, supervision received and given."""
        sentences = [self.role_sentence(department), self.work_sentence()]
        levels = len(self.series.titles)
        if levels > 1:
            title = self.series.titles[self.level - 1]
            sentences.append(
                f"This is level {self.level} of the {self.series.base} series; {title} is {self.level_phrase(levels)}."
            )
        supervisor = self.series.titles[self.level] if self.level < levels else "a department head"
        sentences.append(
            f"Work is performed under the {self.pick(['general', 'direct', 'close'])} supervision of "
            f"{article(supervisor)} {supervisor}, with {self.pick(['some', 'considerable', 'little'])} leeway "
            "for independent judgment."
        )
        if self.level > 1:
            sentences.append(f"Supervision is exercised over {self.series.titles[self.level - 2]} staff.")
        if self.rng.random() < 0.1:
            sentences.append(f"Employees may be assigned to {self.facility()}.")
        sentences.append("Does related work as required.")
        return sentences

    def role_sentence(self, department):
        # A series' levels rise in responsibility; a class in no series may stand anywhere.
        rank = self.level if len(self.series.titles) > 1 else self.rng.randint(1, 4)
        role = ["entry-level", "technical", "professional", "supervisory", "administrative"][
            min(4, rank + self.rng.randint(0, 1) - 1)
        ]
        place = f"in the {department}" if department else f"for {self.jurisdiction.name}"
        return f"This is {article(role)} {role} position responsible for {self.verb()[2]} {self.noun_phrase()} {place}."

    def work_sentence(self):
        return f"The work involves {self.verb()[2]} {self.noun_phrase()} and {self.verb()[2]} {self.noun_phrase()}."

    def facility(self):
        return f"the {self.pick(self.jurisdiction.places)} {self.pick(FACILITIES)}"

    def level_phrase(self, levels):
        if self.level == 1:
            return "the entry level"
        return "the highest level" if self.level == levels else "the experienced working level"

    def general_statement(self):
        if not self.style["general_statement"]:
            return ""
        return (
            f"Under {self.pick(['general', 'direct'])} supervision, {self.verb()[1]} {self.noun_phrase()} and "
            f"{self.verb()[1]} {self.noun_phrase()}; performs related work as required."
        )

    def competencies(self):
        if not self.style["competencies"]:
            return []
        names = self.rng.sample(COMPETENCIES, self.rng.randint(6, 15))
        return [
            {
                "name": name,
                "description": f"{self.verb()[1].capitalize()} {self.noun_phrase()} and {self.verb()[1]} "
                f"{self.noun_phrase()}.",
            }
            for name in names
        ]

    def other_sections(self):
        rng = self.rng
        if not self.style["other_sections"]:
            return []
        sections = [
            {
                "placement": SectionPlacement.AFTER_KSAS,
                "heading": "Physical Demands",
                "layout": SectionLayout.LIST,
                "text": "\n".join(rng.sample(PHYSICAL_DEMANDS, rng.randint(3, 7))),
            },
            {
                "placement": SectionPlacement.AFTER_KSAS,
                "heading": "Working Environment",
                "layout": SectionLayout.PARAGRAPHS,
                "text": self.pick(
                    ["Subject to many interruptions.", "Work is performed outdoors in all weather.", "Office setting."]
                ),
            },
        ]
        if self.level > 1 and rng.random() < 0.5:
            sections.insert(
                0,
                {
                    "placement": SectionPlacement.AFTER_DISTINGUISHING_FEATURES,
                    "heading": "Level of Supervision Exercised",
                    "layout": SectionLayout.PARAGRAPHS,
                    "text": f"Supervises {self.series.titles[self.level - 2]} staff and reviews their "
                    f"{self.noun_phrase()}.",
                },
            )
        return sections

    def special_requirements(self):
        rng = self.rng
        kinds = rng.sample(SpecialRequirementKind.values, self.pick([0, 0, 1, 1, 2]))
        return [
            {
                "kind": kind,
                "heading": self.pick(["SPECIAL REQUIREMENT", "SPECIAL REQUIREMENTS", ""]),
                "text": self.requirement(kind),
            }
            for kind in kinds
        ]

    def requirement(self, kind):
        texts = {
            SpecialRequirementKind.DRIVERS_LICENSE: lambda: (
                "Possession of a valid driver's license at the time of "
                "appointment and maintenance of the license throughout employment."
            ),
            SpecialRequirementKind.LICENSE: lambda: (
                f"Possession of a current license as a {self.pick(LICENSES)} at the time of appointment."
            ),
            SpecialRequirementKind.CERTIFICATION: lambda: (
                f"Certification as a {self.pick(CERTIFICATIONS)} within "
                f"{counted(self.pick([6, 12, 18]), 'month')} of appointment."
            ),
            SpecialRequirementKind.BACKGROUND_CHECK: lambda: (
                "Candidates must pass a background investigation, including fingerprinting, before appointment."
            ),
            SpecialRequirementKind.MEDICAL: lambda: (
                "Candidates must pass a medical examination and may be required "
                f"to lift {counted(self.pick([25, 50]), 'pound')}."
            ),
            SpecialRequirementKind.RESIDENCY: lambda: (
                f"Candidates must be residents of {self.jurisdiction.name} at the time of appointment."
            ),
            SpecialRequirementKind.OTHER: lambda: (
                f"Employees may be required to work nights, weekends and holidays at {self.facility()}."
            ),
        }
        return texts[kind]()


def punctuated(row, mark):
    """The row with the punctuation ending its text replaced: "…;" within a list, "…." closing it."""
    return {**row, "text": row["text"][:-1] + mark}
