"""The page-or-partial renderer and the pagination every list uses."""

from django.core.paginator import Paginator
from django.shortcuts import render

PAGE_PARAM = "pagina"


def render_page(request, template, context, partial=None, status=200):
    """The whole page, or for an HTMX request only its named partial (``template#partial``).

    A history restore asks for the whole page: the browser lost it from its cache.
    """
    if partial and wants_partial(request):
        template = f"{template}#{partial}"
    return render(request, template, context, status=status)


def wants_partial(request, target=None):
    """Whether an HTMX request, not a history restore, asks for a partial: any, or the one
    that swaps the element with id `target`."""
    htmx = request.htmx
    if not htmx or htmx.history_restore_request:
        return False
    return target is None or htmx.target == target


def paginate(request, object_list, per_page, param=PAGE_PARAM, paginator=None):
    """One page of `object_list`, numbered by the query parameter `param`.

    The page carries the query strings of its neighbours (the request's own filters kept),
    for ``templates/includes/pagination.html``; `paginator` replaces the default one.
    """
    paginator = paginator or Paginator(object_list, per_page)
    page = paginator.get_page(request.GET.get(param))
    page.param = param
    page.previous_query = page.next_query = None
    if page.has_previous():
        page.previous_query = _with_page(request, param, page.previous_page_number())
    if page.has_next():
        page.next_query = _with_page(request, param, page.next_page_number())
    return page


class KnownCountPaginator(Paginator):
    """A paginator told its count, when the page already counted the same rows."""

    def __init__(self, object_list, per_page, count=None):
        super().__init__(object_list, per_page)
        if count is not None:
            self.count = count  # replaces the cached_property: no COUNT query


def _with_page(request, param, number):
    query = request.GET.copy()
    query[param] = number
    return query
