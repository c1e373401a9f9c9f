"""The stored search document of a current class: its adopted text flattened into four weighted columns."""

from django.db import models

from .catalogue import JobClass
from .versions import Version


class SearchDocument(models.Model):
    """One row per class in the public catalogue, rebuilt by `classes.search.index_classes`.

    The columns are plain text so that highlighting reads them back; the database indexes them
    (PostgreSQL: a generated tsvector with a GIN index; SQLite: an FTS5 table kept by triggers),
    see migration 0002. Columns run from the heaviest weight to the lightest.
    """

    job_class = models.OneToOneField(JobClass, on_delete=models.CASCADE, related_name="search_document")
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="+")
    title = models.TextField(help_text="Weight A: title and class code.")
    features = models.TextField(blank=True, help_text="Weight B: general statement and distinguishing features.")
    duties = models.TextField(blank=True, help_text="Weight C: duties, knowledges, skills, abilities, competencies.")
    qualifications = models.TextField(
        blank=True,
        help_text="Weight D: qualification paths, substitutions, definitions, special requirements, other sections.",
    )

    class Meta:
        ordering = ["job_class_id"]

    def __str__(self):
        return self.title


class CatalogueWord(models.Model):
    """A word of the public catalogue's text, any part of it, from which a misspelt query word is corrected
    (`classes.search.spelling`). Written with the documents; PostgreSQL indexes it by trigrams (migration 0015)."""

    word = models.CharField(primary_key=True, max_length=40)
    documents = models.PositiveIntegerField(help_text="How many classes' documents held it when last counted.")

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return self.word


class SearchPhrase(models.Model):
    """A phrase of the search thesaurus that a class's document holds (`classes.search.phrases`), written with the
    documents: a query's synonyms find their classes by this index, without reading the documents' text."""

    job_class = models.ForeignKey(JobClass, on_delete=models.CASCADE, related_name="+")
    phrase = models.CharField(max_length=100, db_index=True, help_text="The phrase's words, each without a plural's s.")

    class Meta:
        ordering = ["job_class_id", "phrase"]
        constraints = [models.UniqueConstraint(fields=["job_class", "phrase"], name="searchphrase_once_per_class")]

    def __str__(self):
        return self.phrase
