"""Single-value rules for placements: pseudonymous references, hours, and what a BSN looks like."""

import re
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
_SEPARATORS = re.compile(r"[\s.\-]")
_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"), (3, 2, 1)),
    (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"), (1, 2, 3)),
    (re.compile(r"^(\d{2})(\d{2})(\d{4})$"), (3, 2, 1)),
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), (1, 2, 3)),
)


def passes_eleven_test(digits: str) -> bool:
    """The BSN eleven-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not 0)."""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=False))
    return (total - int(digits[8])) % 11 == 0


def looks_like_bsn(value) -> bool:
    """Nine digits (spaces, dots and dashes ignored) that pass the eleven-test."""
    if value is None:
        return False
    text = str(value).strip()
    if not 9 <= len(text) <= 13 or not text[:1].isdigit():
        return False  # fast path: most cells cannot be a (formatted) nine-digit number
    digits = _SEPARATORS.sub("", text)
    if digits.endswith(".0") or digits.endswith(",0"):
        digits = digits[:-2]
    return passes_eleven_test(digits)


def looks_like_birth_date(value: str) -> bool:
    """A date written as text (or 8 digits) with a year a living person could be born in."""
    text = str(value).strip()
    if not text[:1].isdigit():
        return False
    for pattern, (y, m, d) in _DATE_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        try:
            day = date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
        except ValueError:
            continue
        if 1900 <= day.year <= timezone.localdate().year:
            return True
    return False


def validate_reference(value: str) -> None:
    """A pseudonymous reference: a code without spaces; never a BSN, name or (birth) date."""
    if looks_like_bsn(value):
        raise ValidationError(
            _("Deze referentie lijkt op een BSN. Gebruik een eigen code, nooit een BSN."),
            code="bsn",
        )
    if looks_like_birth_date(value):
        raise ValidationError(
            _(
                "Deze referentie lijkt op een datum. Gebruik een eigen code, nooit een geboortedatum."
            ),
            code="date",
        )
    if not _REFERENCE.match(value or ""):
        raise ValidationError(
            _(
                "Een referentie bestaat uit letters, cijfers en eventueel . _ / of -, zonder "
                "spaties (dus geen naam)."
            ),
            code="format",
        )


def validate_hours_per_week(value: Decimal) -> None:
    maximum = settings.PLACEMENT_MAX_HOURS_PER_WEEK
    if value is not None and not Decimal("0") < value <= maximum:
        raise ValidationError(
            _("Vul een aantal uren per week in van meer dan 0 en hoogstens %(max)s.")
            % {"max": maximum},
            code="hours",
        )
