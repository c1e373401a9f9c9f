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


class InlinesReadThePostedForm:
    """Each inline's formset reads the posted form itself, not a copy of its own.

    Django's admin copies the posted data once per inline so that "Save as new" can blank the rows' ids in the copy.
    The version's page offers no "Save as new", and the eight copies of its ~500 fields were a tenth of the CPU time of
    a save of the longest seed's draft and much of the garbage its collections then swept
    (bench/results/save_draft-2026-12-06e.txt). The posted data stays immutable: a formset that tried to change it
    would fail, not change another part's rows.
    """

    def get_formset_kwargs(self, request, obj, inline, prefix):
        if request.method != "POST" or "_saveasnew" in request.POST:
            return super().get_formset_kwargs(request, obj, inline, prefix)
        return {
            "instance": obj,
            "prefix": prefix,
            "queryset": inline.get_queryset(request),
            "data": request.POST,
            "files": request.FILES,
            "save_as_new": False,
        }
