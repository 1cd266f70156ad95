"""The server side of a name field with suggestions (see ``buurt.forms.suggest_attrs``)."""

from django.http import HttpResponseBadRequest
from django.shortcuts import render

from .forms import NAME_SEPARATOR, SuggestionForm

SUGGESTION_LIMIT = 10


def datalist_response(request, queryset, limit=SUGGESTION_LIMIT):
    """A <datalist> of at most `limit` distinct names from `queryset` matching what is typed.

    The request names the field whose value to match (``field``) and the id of the list
    to fill (``list``); with ``multiple`` the field holds several names and only the last
    one is matched, each option repeating the names before it.
    """
    form = SuggestionForm(request.GET)
    if not form.is_valid():
        fouten = " ".join(e for errors in form.errors.values() for e in errors)
        return HttpResponseBadRequest(fouten, content_type="text/plain; charset=utf-8")
    list_id, typed = form.cleaned_data["list"], form.cleaned_data["typed"]
    prefix = ""
    if form.cleaned_data["multiple"]:
        *done, typed = typed.split(NAME_SEPARATOR)
        prefix = "".join(f"{naam.strip()}{NAME_SEPARATOR} " for naam in done if naam.strip())
    typed = typed.strip()
    names = []
    if typed:
        names = (
            queryset.filter(naam__icontains=typed)
            .order_by("naam")
            .values_list("naam", flat=True)
            .distinct()[:limit]
        )
    context = {"list_id": list_id, "options": [prefix + naam for naam in names]}
    return render(request, "buurt/_actor_suggestions.html", context)
