"""How each list of a version's parts is edited inline on the version's page."""

from django.utils.module_loading import import_string

from classes.models import KSA, OtherSection
from classes.ordering import StackedOrderedInline, TabularOrderedInline


def part_inline(part):
    """The inline a part names in the structure, else a table of its fields."""
    if part.inline:
        return import_string(part.inline)
    return type(f"{part.model.__name__}Inline", (TabularOrderedInline,), {"model": part.model})


class KSAInline(TabularOrderedInline):
    model = KSA
    verbose_name_plural = "knowledges, skills, abilities and personal characteristics"


class OtherSectionInline(StackedOrderedInline):
    model = OtherSection
    fields = ["position", "placement", "heading", "layout", "text"]
