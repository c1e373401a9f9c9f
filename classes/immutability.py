"""An adopted text is a public record: the guard every write path of a version and its parts goes through."""

from django.db import models, transaction

from .vocabulary import PUBLIC_STATUSES, VersionStatus


class AdoptedTextError(Exception):
    """Raised on any attempt to change or delete an adopted or superseded version or one of its parts."""

    def __init__(self, what="an adopted version"):
        super().__init__(f"Cannot change or delete {what}: adopted text is a public record. Start a new draft instead.")


class PartQuerySet(models.QuerySet):
    """Queryset of rows that belong to a version through `version_lookup`; refuses bulk writes to public ones.

    `owner` is the foreign key whose change moves a row to another text (a version, or a path of one).
    """

    version_lookup = "version"
    owner = "version"

    def in_force(self):
        """Rows of the text in force of their class: its adopted version."""
        return self.filter(**{f"{self.version_lookup}__status": VersionStatus.ADOPTED})

    def _public(self, queryset):
        return queryset.filter(**{f"{self.version_lookup}__status__in": PUBLIC_STATUSES})

    def _touches_public_text(self):
        return self._public(self).exists()

    def _any_owner_public(self, keys):
        """Whether any of these versions (or paths) belongs to public text."""
        owner = self.model._meta.get_field(self.owner).related_model
        to_version = self.version_lookup.removeprefix(self.owner).removeprefix("__")
        status = f"{to_version}__status__in" if to_version else "status__in"
        return owner._base_manager.filter(pk__in=keys, **{status: PUBLIC_STATUSES}).exists()

    def update(self, **kwargs):
        if self._touches_public_text():
            raise AdoptedTextError("a part of an adopted version")
        targets = [kwargs[name] for name in (self.owner, f"{self.owner}_id") if name in kwargs]
        if not targets:
            return super().update(**kwargs)
        target = targets[0]
        if not hasattr(target, "resolve_expression"):
            if self._any_owner_public([target.pk if isinstance(target, models.Model) else target]):
                raise AdoptedTextError("an adopted version")
            return super().update(**kwargs)
        # Moved to a text an expression names: move the rows, then undo it all if any landed in public text.
        with transaction.atomic(using=self.db):
            moved = list(self.values_list("pk", flat=True))
            count = super().update(**kwargs)
            if self._public(self.model._base_manager.filter(pk__in=moved)).exists():
                raise AdoptedTextError("an adopted version")
        return count

    def delete(self):
        if self._touches_public_text():
            raise AdoptedTextError("a part of an adopted version")
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        attname = self.model._meta.get_field(self.owner).attname
        if self._any_owner_public({getattr(obj, attname) for obj in objs}):
            raise AdoptedTextError("an adopted version")
        existing = [obj.pk for obj in objs if obj.pk is not None]  # rewritten where update_conflicts is set
        if existing and self._public(self.model._base_manager.filter(pk__in=existing)).exists():
            raise AdoptedTextError("a part of an adopted version")
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_create_in_new_draft(self, objs, *args, **kwargs):
        """`bulk_create` without its look-ups of public text, for new rows of a draft version that the caller has
        created in its own transaction, still open: no other connection can see that version, so none can adopt it."""
        return super().bulk_create(objs, *args, **kwargs)


class PathPartQuerySet(PartQuerySet):
    version_lookup = "path__version"
    owner = "path"


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
