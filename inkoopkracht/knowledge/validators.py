"""Validators for texts that members write for publication (lessons)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_NINE_DIGITS = re.compile(r"(?<![\d])(\d[\s.]?){8}\d(?![\d])")


def _passes_eleven_test(digits: str) -> bool:
    """The BSN "elfproef": 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a positive multiple of 11."""
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True))
    return total > 0 and total % 11 == 0


def validate_no_bsn(value: str) -> None:
    """Refuse a text with a number that looks like a citizen service number (BSN, DESIGN.md 3)."""
    for match in _NINE_DIGITS.finditer(value or ""):
        digits = re.sub(r"\D", "", match.group(0))
        if _passes_eleven_test(digits):
            raise ValidationError(
                _(
                    "Uw tekst bevat een nummer dat op een burgerservicenummer lijkt. "
                    "Haal het weg: een les mag niemand herkenbaar maken."
                ),
                code="bsn",
            )
