"""The importer's forms: a batch's upload, and the header an analyst corrects before a document is saved."""

from django import forms

from classes.models import ImportedDocument, JobClass, Jurisdiction
from classes.vocabulary import AfterReading

from .pending import Header, Level

TITLE_LENGTH = JobClass._meta.get_field("title").max_length
CODE_LENGTH = JobClass._meta.get_field("code").max_length


class ImportForm(forms.Form):
    jurisdiction = forms.ModelChoiceField(queryset=Jurisdiction.objects.all(), help_text="Whose specs these are.")
    after_reading = forms.ChoiceField(
        choices=AfterReading.choices,
        initial=AfterReading.REVIEW,
        widget=forms.RadioSelect,
        label="Once a document is read",
    )
    adopted = forms.BooleanField(
        required=False,
        label="Adopted text of record",
        help_text="Record each document saved as the text the commission adopted, dated as it prints (for specs "
        "adopted before the portal). Only staff who may adopt versions may do this.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_adopted(self):
        adopted = self.cleaned_data["adopted"]
        if adopted and not self.user.has_perm("classes.adopt_version"):
            raise forms.ValidationError(
                "Recording adopted text needs the permission to adopt versions (a commission secretary's); "
                "import the files as drafts instead."
            )
        return adopted


class ReviewForm(forms.Form):
    """The jurisdiction, and the title and code of each class the document describes (a series: its name too)."""

    jurisdiction = forms.ModelChoiceField(queryset=Jurisdiction.objects.all(), help_text="Whose spec this is.")

    def __init__(self, *args, document: ImportedDocument, **kwargs):
        header = Header.stored(document.header)
        kwargs.setdefault("initial", {"jurisdiction": document.jurisdiction_id})
        super().__init__(*args, **kwargs)
        self.levels = len(header.levels)
        self.series = bool(header.series)
        if self.series:
            self.fields["series"] = forms.CharField(max_length=200, initial=header.series, label="Series")
        for index, level in enumerate(header.levels):
            named = f"Level {index + 1}: " if self.series else ""
            self.fields[f"title_{index}"] = forms.CharField(
                max_length=TITLE_LENGTH, initial=level.title, label=f"{named}title" if named else "Title"
            )
            self.fields[f"code_{index}"] = forms.CharField(
                max_length=CODE_LENGTH,
                required=False,
                initial=level.code,
                label=f"{named}class code" if named else "Class code",
            )

    def header(self):
        data = self.cleaned_data
        levels = [Level(data[f"title_{i}"].strip(), data[f"code_{i}"].strip()) for i in range(self.levels)]
        return Header(levels, data.get("series", "").strip())
