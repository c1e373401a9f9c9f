"""What an import did with each document: its outcome, the drafts written, and how the document was read."""

from dataclasses import asdict, dataclass, field

from .result import ParsedDocument


@dataclass
class Draft:
    """A draft version an import wrote (or, in a dry run, the class it would go to)."""

    title: str
    job_class: str = ""
    version_number: int | None = None
    version_url: str = ""
    existing: bool = False  # the class was in the catalogue already: the draft is a new version of it


@dataclass
class DocumentReport:
    source: str
    status: str = "pending"  # parsed (a dry run), imported, skipped, error
    error: str = ""
    document: ParsedDocument | None = None
    drafts: list[Draft] = field(default_factory=list)

    @property
    def job_class(self):
        """The class of the first draft: the only one of a document describing one class."""
        return self.drafts[0].job_class if self.drafts else ""

    @property
    def version_number(self):
        return self.drafts[0].version_number if self.drafts else None

    @property
    def version_url(self):
        return self.drafts[0].version_url if self.drafts else ""

    @property
    def parts(self):
        return self.document.parts if self.document else []

    @property
    def facts(self):
        return self.document.facts if self.document else {}

    @property
    def warnings(self):
        return self.document.warnings if self.document else []

    @property
    def doubts(self):
        return self.document.doubts if self.document else []

    def as_dict(self):
        """The report as the dry run's JSON prints it (docs/importing.md describes each key)."""
        document = self.document or ParsedDocument(source=self.source)
        read = asdict(document)
        return {
            "source": self.source,
            "status": self.status,
            "error": self.error,
            "title": read["title"],
            "series": read["series"],
            "drafts": [asdict(draft) for draft in self.drafts],
            "parts": read["parts"],
            "facts": read["facts"],
            "doubts": read["doubts"],
            "warnings": read["warnings"],
            "unstored": read["unstored"],
            "specs": read["specs"],
            "lines": read["lines"],
        }
