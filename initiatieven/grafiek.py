"""The geometry of the small server-rendered SVG line charts that show a buurt growing
(templates/includes/_groei_grafiek.html draws them): on the dashboard and in the report."""

CHART_WIDTH, CHART_HEIGHT = 300, 120
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM = 34, 8, 8, 22
# Each series' line (colour, dashes), as static/css/coordinatie.css styles it on screen; the
# chart repeats them as SVG attributes for WeasyPrint, which does not apply page CSS to SVG.
LIJNEN = {
    "actoren": ("#0b6e4f", ""),
    "vonk": ("#b45309", ""),
    "vuur": ("#b91c1c", ""),
    "successen": ("#1d4ed8", "6 3"),
    "verbonden": ("#0f766e", ""),
    "relaties": ("#5f6b70", "2 2"),
    "groepen": ("#7c3aed", ""),
}


def nice_max(value):
    if value <= 4:
        return 4
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return value


def chart(key, label, values, months):
    """One series (a value per month of `months`) with its polyline, ticks and month labels.

    A single month is drawn as a point at the chart's right edge.
    """
    top = nice_max(max(values))
    width = CHART_WIDTH - CHART_LEFT - CHART_RIGHT
    height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    step = width / (len(values) - 1) if len(values) > 1 else 0
    start = CHART_LEFT if len(values) > 1 else CHART_LEFT + width

    def y(v):
        return round(CHART_TOP + height - height * v / top, 1)

    points = [(round(start + i * step, 1), y(v)) for i, v in enumerate(values)]
    # Every third month is labelled, and the last; fewer when a long period has many months.
    every = max(3, -(-len(months) // 5))
    kleur, streepjes = LIJNEN.get(key, ("#1d2a2f", ""))
    return {
        "key": key,
        "label": label,
        "kleur": kleur,
        "streepjes": streepjes,
        "values": values,
        "last": values[-1],
        "first": values[0],
        "points": " ".join(f"{px},{py}" for px, py in points),
        "last_point": points[-1],
        "ticks": [(y(t), t) for t in (0, top // 2 if top % 2 == 0 else top / 2, top)],
        "x_labels": [(points[i][0], months[i]) for i in range(0, len(months) - 1, every)]
        + [(points[-1][0], months[-1])],
    }


def geometry():
    """The chart's frame, as the template needs it."""
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": CHART_LEFT,
        "right": CHART_WIDTH - CHART_RIGHT,
        "bottom": CHART_HEIGHT - CHART_BOTTOM,
    }
