"""Fixtures of the monitoring tests."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from inkoopkracht.partnerships.models import Partnership

TODAY = datetime(2026, 11, 26, 11, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _today(time_machine):
    """Monitoring tests run on 26 November 2026 (the third quarter is over, its deadline too)."""
    time_machine.move_to(TODAY, tick=False)


HEADER = [
    "referentie", "functie", "soort_dienstverband", "vast_contract", "uren_per_week",
    "startdatum", "einddatum", "doelgroepregister_bevestigd_op",
]  # fmt: skip


def dutch_csv(rows: list[list[str]], header: list[str] | None = None) -> bytes:
    """A file as Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)": semicolons,
    Windows-1252, CRLF."""
    header = header or HEADER
    lines = [";".join(header)] + [";".join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


@pytest.fixture
def contract_reference(partnership_a):
    return partnership_a.contracts.get().reference


@pytest.fixture
def proeftuinen(partnership_a, partnership_b):
    """Proeftuinen A and B, active since 1 January 2025 with a baseline of half a job."""
    for partnership in (partnership_a, partnership_b):
        Partnership.objects.filter(pk=partnership.pk).update(
            status=Partnership.Status.ACTIVE,
            started_on=date(2025, 1, 1),
            baseline_jobs=Decimal("0.5"),
        )
        partnership.refresh_from_db()
    return [partnership_a, partnership_b]
