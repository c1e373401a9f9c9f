"""Pages of a long list whose count stops at a cap: counting every match of a common word costs more than
a reader gains from an exact "48,213 classes"."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """Counts at most `COUNT_CAP` + 1 rows; past the cap the count reads as "more than 1,000" and the pages
    stop there (a reader narrows the search long before page 40)."""

    @cached_property
    def count(self):
        if hasattr(self.object_list, "count_up_to"):  # search's TitlesFirst
            return self.object_list.count_up_to(COUNT_CAP + 1)
        # Unordered and bare: the cap needs no ranking, and each row costs only what finding it costs.
        return self.object_list.order_by().values("pk")[: COUNT_CAP + 1].count()

    @property
    def is_capped(self):
        return self.count > COUNT_CAP

    @property
    def shown_count(self):
        return min(self.count, COUNT_CAP)
