"""Model fields of the domain's own."""

from django.db import models


class LinesField(models.TextField):
    """A list kept as text, one item per line as printed (fields of study, kinds of work): shown and exported as a
    list."""

    @staticmethod
    def items(text):
        return [line.strip() for line in text.splitlines() if line.strip()]
