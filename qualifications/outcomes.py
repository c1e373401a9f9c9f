"""What the checker answers: each path's outcome with its reasons, and the answer for an examination."""

from dataclasses import dataclass, field

MET, MET_ON_CONDITION, NOT_MET, CANNOT_TELL = "met", "met_on_condition", "not_met", "cannot_tell"
OUTCOMES = (MET, MET_ON_CONDITION, NOT_MET, CANNOT_TELL)
OUTCOME_LABELS = {
    MET: "You appear to meet this path",
    MET_ON_CONDITION: "You appear to meet this path on a condition",
    NOT_MET: "Not met yet",
    CANNOT_TELL: "Cannot tell",
}
# A path's checks add up to the first of these any of them has: one unmet requirement decides, and a condition
# counts only where everything else is met.
PATH_PRECEDENCE = (NOT_MET, CANNOT_TELL, MET_ON_CONDITION, MET)
# An examination's answer is the best of its paths': one met path is enough.
OVERALL_PRECEDENCE = (MET, MET_ON_CONDITION, CANNOT_TELL, NOT_MET)


@dataclass
class Check:
    """One requirement of a path, checked: its outcome, the reason in words, and what would close a gap."""

    outcome: str
    reason: str
    gap: str = ""
    about: str = ""  # what the requirement concerns (education, credits, experience, titles, licence)
    condition: str = ""  # for met on condition: what must be done, by when


@dataclass
class PathResult:
    rule: object
    outcome: str
    reasons: list = field(default_factory=list)
    gaps: list = field(default_factory=list)  # what would close the gap, where it is not met
    conditions: list = field(default_factory=list)  # what must still be done, where it is met on condition
    assumed: list = field(default_factory=list)  # confirmations taken as given (catalogue-wide screening)

    @property
    def outcome_label(self):
        return OUTCOME_LABELS[self.outcome]

    @classmethod
    def of_checks(cls, rule, checks, assumed):
        """The path's result from its checks. A condition is one only where all else is met; on a path not met,
        what it asks is one more thing that would close the gap."""
        outcome = next(outcome for outcome in PATH_PRECEDENCE if outcome in {check.outcome for check in checks} | {MET})
        conditions = [check.condition for check in checks if check.outcome == MET_ON_CONDITION]
        gaps = [check.gap for check in checks if check.gap and check.outcome in (NOT_MET, CANNOT_TELL)]
        return cls(
            rule,
            outcome,
            reasons=[check.reason for check in checks],
            gaps=gaps if outcome == MET_ON_CONDITION else gaps + conditions,
            conditions=conditions if outcome == MET_ON_CONDITION else [],
            assumed=list(dict.fromkeys(assumed)),  # one rule may lean on the same assumption twice
        )


def overall(results, examination=None):
    """The answer for the examination `examination` (a PathKind value; None: every path): met if any of its paths
    is met; else met on condition if any is; else cannot tell if any path cannot tell, or there is none; else not
    met."""
    if examination:
        results = [result for result in results if result.rule.kind == examination]
    if not results:
        return CANNOT_TELL
    outcomes = {result.outcome for result in results}
    return next(outcome for outcome in OVERALL_PRECEDENCE if outcome in outcomes)
