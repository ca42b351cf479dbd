"""The health overview reads the glide-path statuses of the last completed quarter from the
precomputed overview rows (``monitoring.precomputed``): when the rows are fresh the counting
engine does not run, and the statuses and reasons are those of the live engine. A change makes
a row stale and the next visit shows it at once. SQLite and PostgreSQL."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from inkoopkracht.monitoring import figures, glidepath, precomputed
from inkoopkracht.monitoring.models import OverviewRow
from inkoopkracht.monitoring.tests.factories import make_placement
from inkoopkracht.partnerships.models import Partnership
from inkoopkracht.partnerships.tests.factories import make_partnership
from inkoopkracht.reports.health import Health, _glide_reason

from .conftest import Q3

pytestmark = pytest.mark.django_db

URL = reverse("reports:health")
NOT_JUDGED = {Health.APPLIED, Health.CLOSED}


def _no_engine(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the engine ran")

    for module in (precomputed, glidepath):
        monkeypatch.setattr(module, "compute_figures", refuse)
    monkeypatch.setattr(figures, "activity_sums", refuse)


def _engine() -> dict:
    """What the live engine gives for every proeftuin, as the page did before."""
    return glidepath.glide_path_statuses(Partnership.objects.all(), Q3)


def _shown(client) -> dict:
    response = client.get(URL, {"begeleider": "alle"})
    assert response.status_code == 200
    return {row.partnership.pk: row for row in response.context["rows"]}


@pytest.fixture
def live(programme):
    """Besides the frozen reports of the programme, a proeftuin counted from its placements."""
    proeftuin = programme["B"]
    Partnership.objects.filter(pk=proeftuin.pk).update(
        ambition_jobs=Decimal(4), ambition_date=date(2027, 1, 1), baseline_jobs=Decimal(0)
    )
    placed = make_partnership(
        name="Proeftuin G",
        cohort=proeftuin.cohort,
        status=Partnership.Status.ACTIVE,
        started_on=date(2025, 1, 1),
        ambition_jobs=Decimal(3),
        ambition_date=date(2026, 12, 31),
    )
    make_placement(partnership=placed, starts_on=date(2026, 2, 1))
    return placed


def test_fresh_rows_give_the_engine_statuses_without_an_engine_pass(
    client_for, programme_admin, programme, live, monkeypatch
):
    client = client_for(programme_admin)
    expected = _engine()
    assert len({status.status for status in expected.values()}) > 1  # not all the same
    _shown(client)  # the first visit stores the missing rows
    assert OverviewRow.objects.filter(year=Q3.year, quarter=Q3.quarter).count() == len(expected)

    _no_engine(monkeypatch)
    rows = _shown(client)
    assert set(rows) == set(expected)
    for pk, row in rows.items():
        assert row.glide == expected[pk]
        engine_reason = _glide_reason(expected[pk])  # a paused proeftuin is capped at amber
        assert [r.text for r in row.reasons if r.topic == "glijpad"] == (
            [engine_reason.text] if engine_reason and row.status not in NOT_JUDGED else []
        )


def test_a_change_shows_at_once(client_for, programme_admin, programme, live):
    client = client_for(programme_admin)
    before = _shown(client)[live.pk].glide
    make_placement(partnership=live, reference="tweede", starts_on=date(2026, 3, 1))
    after = _shown(client)[live.pk].glide
    assert after == _engine()[live.pk]
    assert after.realised == before.realised + 1
