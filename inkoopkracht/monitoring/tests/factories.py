"""Factories for monitoring tests (plain functions on top of the services)."""

import itertools
from datetime import date
from decimal import Decimal

from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.models import Placement

_numbers = itertools.count(1)


def make_placement(
    *,
    partnership,
    reference=None,
    starts_on=date(2025, 1, 1),
    hours=Decimal("25.5"),
    confirmed=True,
    by=None,
    **fields,
) -> Placement:
    """A confirmed placement of 25.5 hours (one baan) at the supplier, unless told otherwise."""
    fields.setdefault("register_confirmed_on", starts_on if confirmed else None)
    return services.create_placement(
        partnership=partnership,
        by=by,
        reference=reference or f"P-{next(_numbers):05d}",
        starts_on=starts_on,
        hours_per_week=Decimal(hours),
        **fields,
    )
