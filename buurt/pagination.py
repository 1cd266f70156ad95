from django.core.paginator import Paginator


class KnownCountPaginator(Paginator):
    """A paginator told its count, when the page already counted the same rows."""

    def __init__(self, object_list, per_page, count=None):
        super().__init__(object_list, per_page)
        if count is not None:
            self.count = count  # replaces the cached_property: no COUNT query
