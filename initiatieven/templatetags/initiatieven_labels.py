from django import template

from initiatieven.models import LADDER_UITLEG, Middel

register = template.Library()


@register.filter
def middel_label(value):
    return Middel(value).label if value in Middel.values else value


@register.filter
def ladder_uitleg(value):
    """The one-sentence explanation of a rung of the participation ladder."""
    return LADDER_UITLEG.get(value, "")
