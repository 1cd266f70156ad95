from django.shortcuts import get_object_or_404

from buurt.access import get_buurt_for_user

from .models import Partner


def get_partner_for_user(request, slug, pk, write=False):
    buurt = get_buurt_for_user(request, slug, write=write)
    partner = get_object_or_404(Partner.objects.in_buurt(buurt).select_related("actor"), pk=pk)
    return buurt, partner
