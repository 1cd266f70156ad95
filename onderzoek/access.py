from django.core.exceptions import PermissionDenied

from buurt.models import Buurt, Rol


def get_onderzoek_buurten(request):
    """The buurten the user may export as a researcher; 403 for anyone without one.

    Only the onderzoeker role grants exports: a coordinator's role does not.
    """
    if not request.user.is_authenticated:
        raise PermissionDenied
    buurten = list(
        Buurt.objects.filter(rollen__user=request.user, rollen__rol=Rol.Soort.ONDERZOEKER).order_by(
            "naam"
        )
    )
    if not buurten:
        raise PermissionDenied
    return buurten
