"""Calendar months, the unit in which the app shows a buurt growing."""

import datetime

MONTHS = 12


def month_starts(today, count=MONTHS):
    """The first day of each of the last `count` months, oldest first."""
    first = today.replace(day=1)
    months = []
    for _i in range(count):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return months[::-1]


def next_month(month):
    """The first day of the month after `month` (itself a first day)."""
    return (month + datetime.timedelta(days=32)).replace(day=1)
