"""``{% veel_tegelijk buurt %}``: the calm "a lot at once" tip, where a page shows it."""

from django import template

from ..veel_tegelijk import veel_tegelijk as count_veel_tegelijk

register = template.Library()


@register.inclusion_tag("initiatieven/_veel_tegelijk.html")
def veel_tegelijk(buurt):
    return {"buurt": buurt, "tegelijk": count_veel_tegelijk(buurt)}
