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


def filter_overleggen(queryset, chosen):
    if "team" in chosen:
        queryset = queryset.voor_team(chosen["team"])
    if "initiatief" in chosen:
        queryset = queryset.voor_initiatief(chosen["initiatief"])
    if "partner" in chosen:
        queryset = queryset.voor_partner(chosen["partner"])
    if "coordinator" in chosen:
        queryset = queryset.voor_coordinator(chosen["coordinator"])
    return queryset


def filter_acties(queryset, chosen):
    if "team" in chosen:
        queryset = queryset.voor_team(chosen["team"])
    if "initiatief" in chosen:
        queryset = queryset.voor_initiatief(chosen["initiatief"])
    if "partner" in chosen:
        queryset = queryset.voor_partner(chosen["partner"])
    if "coordinator" in chosen:
        queryset = queryset.voor_coordinator(chosen["coordinator"])
    return queryset
