"""Small-number suppression for every count shown outside the programme team (DESIGN.md 4).

A count of persons (or a figure derived from fewer persons than the threshold) is replaced by
``Suppressed``, which renders as "< 5" and serialises to ``None`` in exports and the API.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Suppressed:
    """A value hidden because it rests on fewer persons than the threshold."""

    threshold: int

    def __str__(self) -> str:
        return _("< %(threshold)s") % {"threshold": self.threshold}

    def __bool__(self) -> bool:
        return False


def threshold() -> int:
    return settings.SMALL_NUMBER_THRESHOLD


def is_small(persons: int | None) -> bool:
    """True for 1 .. threshold-1 persons; zero is not identifying and is shown."""
    return persons is not None and 0 < persons < threshold()


def suppress(value, *, persons: int | None):
    """``value`` unchanged, or ``Suppressed`` when it rests on a small number of persons."""
    if is_small(persons):
        return Suppressed(threshold())
    return value


def for_export(value):
    """Suppressed values become ``None`` (empty cell in CSV, null in JSON)."""
    return None if isinstance(value, Suppressed) else value
