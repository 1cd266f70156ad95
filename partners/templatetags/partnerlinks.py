from django import template

from initiatieven.models import Middel

register = template.Library()


@register.filter
def middel_label(value):
    return Middel(value).label if value in Middel.values else value
