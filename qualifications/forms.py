"""The applicant's form: only the questions a version's paths raise, read into the profile's JSON shape."""

from django import forms

from classes.vocabulary import EducationLevel, PathKind

from .profile import MOST_JOBS, MOST_YEARS

FIRST_JOBS = 2  # blank job entries a new form shows; "Add another job" adds one more


def years_field(label, **kwargs):
    return forms.DecimalField(
        label=label, required=False, min_value=0, max_value=MOST_YEARS, max_digits=5, decimal_places=2, **kwargs
    )


class ProfileForm(forms.Form):
    """The examination, education, credit hours, time in title and licences; jobs come in `JobFormSet` beside it."""

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        if len(questions.examinations) > 1:
            self.fields["examination"] = forms.ChoiceField(
                label="The examination you are applying to",
                help_text="The overall answer is for this examination; every path is still shown.",
                choices=[(kind, PathKind(kind).label) for kind in questions.examinations],
                initial=questions.examinations[0],
                widget=forms.RadioSelect,
                required=False,  # unanswered: the first kind, as the JSON does
            )
        if questions.education:
            self.fields["education_level"] = forms.ChoiceField(
                label="Highest education you have completed",
                choices=[("", "None of these"), *EducationLevel.choices],
                required=False,
            )
        if questions.accredited:
            self.fields["accredited"] = forms.ChoiceField(
                label="Was your college or university accredited?",
                help_text="Some paths count education only from an accredited (or, where the specification says so, "
                "registered) college or university.",
                choices=[("", "I do not know"), ("yes", "Yes"), ("no", "No")],
                required=False,
            )
        if questions.college_credits:
            self.fields["college_credits"] = forms.DecimalField(
                label="College credit hours you have earned in all (semester hours)",
                help_text="Only if more than your degree stands for: a degree counts as at least 60 (associate's), "
                "120 (bachelor's), 150 (master's) or 180 (doctorate) credit hours; 30 are one year of college.",
                required=False,
                min_value=0,
                max_value=1000,
                max_digits=6,
                decimal_places=1,
            )
        if questions.degree_fields:
            self.fields["degree_fields"] = forms.MultipleChoiceField(
                label="My degree or college study is in",
                help_text="Tick each field that applies. Leave all unticked if none does.",
                choices=[(name, name) for name in questions.degree_fields],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        for n, subject in enumerate(questions.credit_subjects):
            self.fields[f"credit_hours_{n}"] = forms.DecimalField(
                label=f"Credit hours you have in {subject}",
                required=False,
                min_value=0,
                max_value=1000,
                max_digits=6,
                decimal_places=1,
            )
        if questions.credits:
            self.fields["credit_units"] = forms.ChoiceField(
                label="My credit hours are",
                help_text="A quarter unit counts as two-thirds of a semester hour.",
                choices=[("semester", "Semester hours"), ("quarter", "Quarter units")],
                initial="semester",
                widget=forms.RadioSelect,
                required=False,
            )
        for n, title in enumerate(questions.titles):
            self.fields[f"status_{n}"] = years_field(f"Years of permanent competitive status as {title}")
            self.fields[f"status_provisional_{n}"] = years_field(
                f"Years as {title} while provisional, temporary or a trainee",
                help_text="Counted apart: a path asking for permanent status does not count it.",
            )
        for n, name in enumerate(questions.licences):
            self.fields[f"licence_{n}"] = forms.ChoiceField(
                label=name,
                choices=[
                    ("", "I do not hold it"),
                    ("current", "I hold it, current"),
                    ("expired", "I held it; it has lapsed"),
                ],
                required=False,
            )
            self.fields[f"licence_expires_{n}"] = forms.DateField(
                label=f"{name}: expires on",
                help_text="If it has an expiry date, e.g. 2027-06-30.",
                required=False,
            )

    def group(self, prefix):
        return [self[name] for name in self.fields if name.startswith(prefix)]

    @property
    def examination_group(self):
        return self.group("examination")

    @property
    def education_group(self):
        return [self[name] for name in self.fields if not name.startswith(("status_", "licence_", "examination"))]

    @property
    def status_group(self):
        return self.group("status_")

    @property
    def licence_group(self):
        return self.group("licence_")

    def profile_data(self, jobs):
        """The profile in the shape the JSON interface takes, from this form and the valid job forms."""
        data = self.cleaned_data
        return {
            "examination": data.get("examination", ""),
            "credit_units": data.get("credit_units", ""),
            "education_level": data.get("education_level", ""),
            "college_credits": str(data.get("college_credits") or 0),
            "degree_fields": data.get("degree_fields", []),
            "credit_hours": {
                subject: str(data.get(f"credit_hours_{n}") or 0)
                for n, subject in enumerate(self.questions.credit_subjects)
            },
            "accredited": {"yes": True, "no": False}.get(data.get("accredited")),
            "status": {title: str(data.get(f"status_{n}") or 0) for n, title in enumerate(self.questions.titles)},
            "provisional": {
                title: str(data.get(f"status_provisional_{n}") or 0) for n, title in enumerate(self.questions.titles)
            },
            "jobs": [form.job_data() for form in jobs if form.has_time()],
            "licenses": [
                {
                    "name": name,
                    "status": data[f"licence_{n}"],
                    "expires_on": expires.isoformat() if (expires := data.get(f"licence_expires_{n}")) else None,
                }
                for n, name in enumerate(self.questions.licences)
                if data.get(f"licence_{n}")
            ],
        }


class JobForm(forms.Form):
    title = forms.CharField(label="Job title", required=False, max_length=200, help_text="For your own reference.")
    years = forms.IntegerField(label="Years", required=False, min_value=0, max_value=MOST_YEARS)
    months = forms.IntegerField(label="Months", required=False, min_value=0, max_value=MOST_YEARS * 12)
    hours_per_week = forms.DecimalField(
        label="Hours a week",
        required=False,
        min_value=0,
        max_value=168,
        max_digits=5,
        decimal_places=1,
        help_text="Leave empty for full-time.",
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        if questions.paid:
            self.fields["paid"] = forms.ChoiceField(
                label="Was this work paid?",
                choices=[("yes", "Paid"), ("no", "Unpaid (volunteer, internship without pay)")],
                widget=forms.RadioSelect,
                initial="yes",
                required=False,
            )
        if questions.supervisory:
            self.fields["supervisory"] = forms.BooleanField(
                label="In this work I supervised other employees", required=False
            )
        if questions.experience_kinds or questions.excluded_kinds:
            self.fields["kinds"] = forms.MultipleChoiceField(
                label="This work was",
                help_text="Tick each kind of work this job was, as the specification names it, including any it says "
                "does not count.",
                choices=[(name, name) for name in (*questions.experience_kinds, *questions.excluded_kinds)],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

        if questions.services:
            self.fields["services"] = forms.MultipleChoiceField(
                label="This work was in the service of",
                help_text="Tick the employer's service this job was in, as the specification names it.",
                choices=[(name, name) for name in questions.services],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    def has_time(self):
        data = getattr(self, "cleaned_data", {})
        return bool(data.get("years") or data.get("months"))

    def job_data(self):
        data = self.cleaned_data
        hours = data.get("hours_per_week")
        return {
            "title": data.get("title", ""),
            "years": data.get("years") or 0,
            "months": data.get("months") or 0,
            "hours_per_week": None if hours is None else str(hours),
            "paid": data.get("paid", "yes") != "no",
            "supervisory": bool(data.get("supervisory")),
            "kinds": data.get("kinds", []),
            "services": data.get("services", []),
        }


JobFormSet = forms.formset_factory(JobForm, extra=0, max_num=MOST_JOBS, absolute_max=MOST_JOBS, validate_max=True)


def profile_forms(questions, data=None):
    """The form and its job entries, bound to `data` where given. "Add another job" posts the form back
    with `add_job`: the entries come back as typed, with one blank entry more."""
    if data is not None and "add_job" in data:
        data = data.copy()
        total = data.get("jobs-TOTAL_FORMS", "")
        # Short ASCII digits only: int() reads "²" as no number and refuses thousands of digits.
        if total.isascii() and total.isdigit() and len(total) <= len(str(MOST_JOBS)) and int(total) < MOST_JOBS:
            data["jobs-TOTAL_FORMS"] = str(int(total) + 1)
    form = ProfileForm(questions, data)
    initial = None if data is not None else [{}] * FIRST_JOBS
    jobs = JobFormSet(data, initial=initial, prefix="jobs", form_kwargs={"questions": questions})
    return form, jobs
