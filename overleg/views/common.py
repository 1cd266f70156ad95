"""What the pages of meetings and of actions share."""


def add_errors(form, error):
    """A refusal from a model or service onto the form: on the field it names where the
    form has that field."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def acties_of(queryset):
    """Actions with what their rows show, in one query."""
    return queryset.select_related(
        "partner__actor", "coordinator", "team", "initiatief", "overleg"
    ).order_by("gedaan_op", "tegen", "id")


def filter_chosen(queryset, chosen):
    """Meetings or actions narrowed to the team, initiative, partner or coordinator chosen:
    both QuerySets have the same ``voor_*`` methods."""
    for name in ("team", "initiatief", "partner", "coordinator"):
        if name in chosen:
            queryset = getattr(queryset, f"voor_{name}")(chosen[name])
    return queryset
