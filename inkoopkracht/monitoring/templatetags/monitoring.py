"""Template filters for figures: Dutch number formatting, suppressed values and percentages."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

from inkoopkracht.lib.suppression import Suppressed

register = template.Library()


def _show(value, places: int) -> str:
    if value is None:
        return "–"
    if isinstance(value, Suppressed):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return number_format(value, use_l10n=True, force_grouping=True)
    if isinstance(value, Decimal | float):
        return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
    return str(value)


@register.filter
def banen(value) -> str:
    """A number of banen with two decimals (25,5-hour jobs), or "< 5" when suppressed."""
    return _show(value, 2)


@register.filter
def count(value) -> str:
    """A whole number (persons), or "< 5" when suppressed."""
    return _show(value, 0)


@register.filter
def percent(value) -> str:
    """A percentage that was computed as a whole number, with the sign."""
    shown = _show(value, 0)
    return shown if value is None or isinstance(value, Suppressed) else f"{shown}%"


@register.filter
def is_suppressed(value) -> bool:
    return isinstance(value, Suppressed)


@register.filter
def hours(value) -> str:
    """Hours per week without trailing zeros: 28, 25,5, 18,33."""
    if value is None:
        return "–"
    value = Decimal(value).normalize()
    places = max(0, -value.as_tuple().exponent)
    return number_format(value, decimal_pos=places, use_l10n=True)
