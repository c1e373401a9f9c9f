"""O*NET's occupations, the names people give them and how they relate: what a class's work is called outside
the civil service. Titles and codes ship with the project (classes/data/); descriptions and tasks are loaded
by `manage.py load_onet` from a copy of O*NET's files (classes/onet.py)."""

from django.db import models

from classes.vocabulary import OccupationTitleKind, RelatednessTier, in_vocabulary

ONET_SUMMARY = "https://www.onetonline.org/link/summary/{code}"


class Occupation(models.Model):
    # The O*NET-SOC code is the occupation's identity in every O*NET release, in exports and in backups.
    code = models.CharField(primary_key=True, max_length=10, help_text="O*NET-SOC code, e.g. 43-4061.00.")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="O*NET's description; empty until `load_onet` has run.")
    related = models.ManyToManyField("self", through="RelatedOccupation", symmetrical=False, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def onet_url(self):
        return ONET_SUMMARY.format(code=self.code)


class OccupationTitle(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="titles")
    title = models.CharField(max_length=250)
    kind = models.CharField(max_length=20, choices=OccupationTitleKind)

    class Meta:
        ordering = ["occupation", "kind", "title"]
        constraints = [
            models.UniqueConstraint(fields=["occupation", "kind", "title"], name="occupation_title_unique"),
            in_vocabulary("kind", OccupationTitleKind, name="occupation_title_kind_valid"),
        ]

    def __str__(self):
        return self.title


class OccupationTask(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["occupation", "position"]

    def __str__(self):
        return self.text


class RelatedOccupation(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    related = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    tier = models.CharField(max_length=20, choices=RelatednessTier)
    rank = models.PositiveSmallIntegerField(help_text="O*NET's order within the occupation's related ones.")

    class Meta:
        ordering = ["occupation", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["occupation", "related"], name="related_occupation_unique"),
            in_vocabulary("tier", RelatednessTier, name="related_occupation_tier_valid"),
        ]

    def __str__(self):
        return f"{self.occupation_id} → {self.related_id}"


class OccupationName(models.Model):
    """A name of an occupation as search looks it up: each of O*NET's titles, and the parts of one out of and in its
    brackets, by its words in one order (`classes.search.names.key`). Written from the titles whenever they change
    (`classes.search.names.write`)."""

    key = models.CharField(max_length=250, db_index=True)
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(
        max_length=250, help_text="The name as O*NET spells it: a title, or the part of one out of or in its brackets."
    )

    class Meta:
        ordering = ["key", "occupation", "title"]

    def __str__(self):
        return self.title


class OccupationNameWord(models.Model):
    """A word of the occupations' names, under itself and under each of its spellings with a letter dropped: a
    misspelt query word finds the words one letter from it by looking up its own such spellings."""

    variant = models.CharField(max_length=40, db_index=True)
    word = models.CharField(max_length=40)

    class Meta:
        ordering = ["variant", "word"]

    def __str__(self):
        return f"{self.variant} → {self.word}"
