"""Identifiers of organisations: KvK number (8 digits) and OIN (20 digits)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_KVK = re.compile(r"^\d{8}$")
_OIN = re.compile(r"^\d{20}$")


def normalise_identifier(value: str | None) -> str | None:
    """Strip spaces, dots and dashes that people type; empty becomes None (no identifier)."""
    if value is None:
        return None
    cleaned = re.sub(r"[\s.\-]", "", str(value))
    return cleaned or None


def validate_kvk(value: str) -> None:
    if not _KVK.match(value or ""):
        raise ValidationError(
            _("Een KvK-nummer bestaat uit precies 8 cijfers, bijvoorbeeld 12345678."),
            code="invalid_kvk",
        )


def validate_oin(value: str) -> None:
    if not _OIN.match(value or ""):
        raise ValidationError(
            _("Een OIN bestaat uit precies 20 cijfers, bijvoorbeeld 00000001001234567000."),
            code="invalid_oin",
        )
