from django.db.models import F

from .models import Buurt


def my_buurten(request):
    """The buurten of the logged-in user, for the buurt switcher (lazy: one query if used)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"my_buurten": Buurt.objects.none()}
    # The user's role rides along on the same join (mijn_rol), for role-specific links.
    buurten = Buurt.objects.for_user(user).only("naam", "slug").annotate(mijn_rol=F("rollen__rol"))
    return {"my_buurten": buurten}
