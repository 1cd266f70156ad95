from django import template

register = template.Library()


@register.filter
def coord(value):
    """An SVG coordinate with one decimal and a decimal point, whatever the language.

    The map has well over a thousand of them; floatformat is many times slower.
    """
    return f"{round(value, 1) + 0.0:.1f}"  # + 0.0 turns -0.0 into 0.0
