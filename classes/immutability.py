"""An adopted text is a public record: the guard every write path of a version and its parts goes through."""

from django.db import models

from .vocabulary import VersionStatus

PUBLIC_STATUSES = [VersionStatus.ADOPTED, VersionStatus.SUPERSEDED]


class AdoptedTextError(Exception):
    """Raised on any attempt to change or delete an adopted or superseded version or one of its parts."""

    def __init__(self, what="an adopted version"):
        super().__init__(f"Cannot change or delete {what}: adopted text is a public record. Start a new draft instead.")


class PartQuerySet(models.QuerySet):
    """Queryset of rows that belong to a version through `version_lookup`; refuses bulk writes to public ones."""

    version_lookup = "version"

    def _touches_public_text(self):
        return self.filter(**{f"{self.version_lookup}__status__in": PUBLIC_STATUSES}).exists()

    def update(self, **kwargs):
        if self._touches_public_text():
            raise AdoptedTextError("a part of an adopted version")
        return super().update(**kwargs)

    def delete(self):
        if self._touches_public_text():
            raise AdoptedTextError("a part of an adopted version")
        return super().delete()


class PathPartQuerySet(PartQuerySet):
    version_lookup = "path__version"


class GuardedPart(models.Model):
    """A row whose text belongs to a version; `owning_version()` names it."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._check_writable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_writable()
        return super().delete(*args, **kwargs)

    def owning_version(self):
        return self.version

    def _check_writable(self):
        version = self.owning_version()
        if version.is_public_in_database():
            raise AdoptedTextError("a part of an adopted version")
        if self.pk:  # moving a part out of a public version is a change to that version too
            stored = type(self)._base_manager.filter(pk=self.pk).first()
            if stored and stored.owning_version().is_public_in_database():
                raise AdoptedTextError("a part of an adopted version")
