"""What an import found, per document: the parts, the facts, and every warning with its line number."""

from dataclasses import asdict, dataclass, field


@dataclass
class Warning:
    line: int | None
    message: str

    def __str__(self):
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class DocumentReport:
    source: str
    status: str = "pending"  # parsed, imported, skipped, error
    error: str = ""
    parts: list = field(default_factory=list)  # [{"part", "heading", "line", "items"}]
    facts: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    result: dict = field(default_factory=dict)  # the structured spec (dry run) or what was written
    job_class: str = ""
    version_number: int | None = None
    version_url: str = ""

    def warn(self, line, message):
        self.warnings.append(Warning(line, message))

    def as_dict(self):
        return asdict(self)
