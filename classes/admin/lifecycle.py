"""Every step of a spec's life the admin offers, in one table: its form, permission, workflow action and message."""

from django.utils.formats import date_format

from classes import occupations, workflow
from classes.checks import draft_warnings
from classes.vocabulary import VersionStatus

from .occupations import OccupationForm
from .occupations import explanation as occupation_explanation
from .steps import AbolishForm, AdoptForm, AgendaForm, ProposeForm, ReviewForm, Step


def day(value):
    return date_format(value, "F j, Y")


def version_of(version):
    return f"version {version.number} of {version.job_class}"


VERSION_STEPS = [
    Step(
        slug="propose",
        link="Propose to the commission",
        permission="classes.propose_version",
        action=workflow.propose,
        form=ProposeForm,
        offered=lambda version: version.status == VersionStatus.DRAFT,
        title=lambda version: f"Propose {version_of(version)} to the commission",
        explanation=lambda version: (
            "Its text becomes read-only until the commission adopts it or returns it to draft."
            + (
                " Checks of its text found what is listed below: each is a warning, and none stops the proposal."
                if draft_warnings(version)
                else " Checks of its text found nothing to warn about."
            )
        ),
        items=draft_warnings,
        submit="Propose",
        done=lambda version, _: f"{version_of(version).capitalize()} was proposed to the commission.",
    ),
    Step(
        slug="withdraw",
        link="Withdraw the proposal",
        permission="classes.propose_version",
        action=workflow.withdraw,
        offered=lambda version: version.status == VersionStatus.PROPOSED,
        offered_to=lambda version, user: version.proposed_by_id == user.pk,
        not_yours="Only the analyst who proposed a version may withdraw it; the commission can return it to draft.",
        title=lambda version: f"Withdraw the proposal of {version_of(version)}",
        explanation=lambda version: (
            "It becomes a draft again, taken off any meeting's agenda; propose it again once it is ready."
        ),
        submit="Withdraw",
        done=lambda version, _: f"{version_of(version).capitalize()} was withdrawn and is a draft again.",
    ),
    Step(
        slug="agenda",
        link="Put on a meeting's agenda",
        permission="classes.schedule_version",
        action=workflow.put_on_agenda,
        form=AgendaForm,
        offered=lambda version: version.status == VersionStatus.PROPOSED,
        title=lambda version: f"Put {version_of(version)} on a meeting's agenda",
        explanation=lambda version: (
            f"It is on the agenda of {version.meeting} now; it moves to the meeting chosen."
            if version.meeting_id
            else "The commission considers it at the meeting chosen, where it can be adopted with the rest of the agenda."
        ),
        submit="Put on the agenda",
        done=lambda version, scheduled: f"{version_of(version).capitalize()} is on the agenda of {scheduled.meeting}.",
    ),
    Step(
        slug="unschedule",
        link="Take off the agenda",
        permission="classes.schedule_version",
        action=workflow.take_off_agenda,
        offered=lambda version: version.status == VersionStatus.PROPOSED and version.meeting_id is not None,
        title=lambda version: f"Take {version_of(version)} off the agenda of {version.meeting}",
        explanation=lambda version: "It stays proposed, to no meeting yet, until it is put on another agenda.",
        submit="Take off the agenda",
        done=lambda version, _: f"{version_of(version).capitalize()} was taken off the agenda; it is still proposed.",
    ),
    Step(
        slug="adopt",
        link="Adopt",
        permission="classes.adopt_version",
        action=workflow.adopt,
        form=AdoptForm,
        offered=lambda version: version.status == VersionStatus.PROPOSED,
        title=lambda version: f"Adopt {version_of(version)}",
        explanation=lambda version: (
            "Its text becomes the public record and can never change again."
            + "".join(
                f" Version {current.number}, in force now, will be superseded."
                for current in version.job_class.versions.current()
            )
        ),
        submit="Adopt",
        done=lambda version, adopted: (
            f"Version {adopted.number} of {version.job_class} was adopted on "
            f"{day(adopted.adopted_on)} and is now the text in force."
        ),
    ),
    Step(
        slug="return",
        link="Return to draft",
        permission="classes.adopt_version",
        action=workflow.return_to_draft,
        offered=lambda version: version.status == VersionStatus.PROPOSED,
        title=lambda version: f"Return {version_of(version)} to draft",
        explanation=lambda version: (
            "The analysts can edit it again; it must be proposed again before it can be adopted."
        ),
        submit="Return to draft",
        done=lambda version, _: f"{version_of(version).capitalize()} is a draft again.",
    ),
    Step(
        slug="occupation",
        link="Confirm or change the occupation",
        permission="classes.change_version",
        action=occupations.confirm,
        form=OccupationForm,
        title=lambda version: f"The occupation of {version_of(version)}",
        explanation=occupation_explanation,
        submit="Confirm this occupation",
        done=lambda version, chosen: f"{version_of(version).capitalize()} is now classed as {chosen.occupation}.",
    ),
]

CLASS_STEPS = [
    Step(
        slug="revise",
        link="Start a new draft from the adopted version",
        permission="classes.start_revision",
        action=workflow.start_revision,
        offered=lambda job_class: job_class.versions.current().exists() and not job_class.versions.open().exists(),
        title=lambda job_class: f"Start a new draft of {job_class}",
        explanation=lambda job_class: (
            "The draft copies the adopted version whole: every part and every structured "
            "fact. The adopted text stays in force until the commission adopts the draft. Retitling the class or changing "
            "its code is done in the draft."
        ),
        submit="Start the draft",
        done=lambda job_class, draft: (
            f"Version {draft.number} is a new draft, a copy of the adopted text. Edit it, "
            "then propose it to the commission."
        ),
        goes_to=lambda job_class, draft: draft,
    ),
    Step(
        slug="review",
        link="Record a review with no change",
        permission="classes.add_review",
        action=workflow.record_review,
        form=ReviewForm,
        offered=lambda job_class: job_class.versions.current().exists(),
        title=lambda job_class: f"Record a review of {job_class}",
        explanation=lambda job_class: (
            "The current text was reviewed and needs no change: no new version is made, "
            "and the class's review cycle restarts from this date."
        ),
        submit="Record the review",
        done=lambda job_class, _: f"A review of {job_class} with no change was recorded; its review cycle restarts.",
    ),
    Step(
        slug="abolish",
        link="Abolish",
        permission="classes.abolish_jobclass",
        action=workflow.abolish,
        form=AbolishForm,
        offered=lambda job_class: not job_class.abolished_on,
        title=lambda job_class: f"Abolish {job_class}",
        explanation=lambda job_class: (
            "The class leaves the catalogue and search at once. Its adopted texts stay public as its history."
        ),
        submit="Abolish",
        done=lambda job_class, _: f"{job_class} was abolished; its adopted texts stay public as its history.",
    ),
]


def proposed_to(meeting):
    return meeting.versions.filter(status=VersionStatus.PROPOSED).select_related("job_class")


def adopted_list(versions):
    return "; ".join(f"{version.title} (version {version.number})" for version in versions)


ADOPT_MEETING = Step(
    slug="adopt",
    link="Adopt every version proposed to this meeting",
    permission="classes.adopt_version",
    action=workflow.adopt_meeting,
    offered=lambda meeting: proposed_to(meeting).exists(),
    title=lambda meeting: f"Adopt every version proposed to this meeting ({meeting})",
    explanation=lambda meeting: (
        f"All of them are adopted on {meeting.date:%B %-d, %Y}"
        f"{', ' + meeting.minutes_reference if meeting.minutes_reference else ''}, or none is: each supersedes its "
        "class's text in force."
    ),
    items=lambda meeting: [f"{version.job_class}: version {version.number}" for version in proposed_to(meeting)],
    submit="Adopt them all",
    done=lambda meeting, adopted: (
        f"Adopted ({meeting}): {adopted_list(adopted)}."
        if adopted
        else f"No version is proposed to this meeting ({meeting}); nothing was adopted."
    ),
)
