"""The periodic task ``monitoring.refresh_overview_rows`` (also enqueued after an import is
applied and after a quarter is approved) recomputes with the engine the stale overview rows of
the quarter the overview shows by default, so that the first visit after changes need not. The
stored rows then equal a fresh ``compute_figures``/``glide_path_statuses``; a second run, or a
run when nothing is stale, does no engine pass and writes nothing. SQLite and PostgreSQL."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from inkoopkracht.lib.periodic import discover
from inkoopkracht.monitoring import precomputed, services
from inkoopkracht.monitoring.models import ImportStatus, OverviewRow
from inkoopkracht.monitoring.periods import Period
from inkoopkracht.monitoring.tasks import refresh_overview_rows
from inkoopkracht.partnerships.models import Partnership

from .conftest import dutch_csv
from .factories import make_placement
from .test_precomputed_overview_equals_the_engine import _check_equals_engine

pytestmark = pytest.mark.django_db

SHOWN = Period(2026, 3)  # the last completed quarter on the monitoring tests' 26 November 2026


def _all(proeftuinen):
    return Partnership.objects.filter(pk__in=[p.pk for p in proeftuinen]).order_by("name")


def _refresh(**arguments) -> int:
    return refresh_overview_rows.enqueue(**arguments).return_value  # raises if the task failed


def _stored() -> list[dict]:
    return list(OverviewRow.objects.order_by("pk").values())


def _no_engine(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the engine ran")

    monkeypatch.setattr(precomputed, "compute_figures", refuse)


@pytest.fixture
def placed(proeftuinen):
    a, b = proeftuinen
    make_placement(partnership=a, starts_on=date(2026, 1, 1))
    make_placement(partnership=b, starts_on=date(2026, 2, 1), hours=Decimal(32), confirmed=True)
    return proeftuinen


def test_it_refreshes_the_quarter_the_overview_shows_by_default():
    assert precomputed.overview_quarter() == SHOWN
    assert discover()["monitoring.refresh_overview_rows"] is refresh_overview_rows


def test_after_writes_no_row_is_stale_and_every_row_equals_the_engine(placed):
    a, b = placed
    assert sorted(precomputed.stale_ids(_all(placed), SHOWN)) == sorted([a.pk, b.pk])
    assert _refresh() == 2
    assert precomputed.stale_ids(_all(placed), SHOWN) == []
    _check_equals_engine(_all(placed))

    placement = a.placements.get()
    services.change_hours(
        placement=placement, hours_per_week=Decimal(51), starting=date(2026, 2, 1), by=None
    )
    assert precomputed.stale_ids(_all(placed), SHOWN) == [a.pk]
    assert _refresh() == 1
    assert precomputed.stale_ids(_all(placed), SHOWN) == []
    _check_equals_engine(_all(placed))


def test_a_changed_threshold_makes_every_row_stale_and_the_task_refreshes_them(placed, settings):
    assert _refresh() == 2
    settings.GLIDE_PATH_GREEN_PERCENT += 1
    assert len(precomputed.stale_ids(_all(placed), SHOWN)) == 2
    assert _refresh() == 2
    assert precomputed.stale_ids(_all(placed), SHOWN) == []
    _check_equals_engine(_all(placed))


def test_running_it_again_changes_nothing(placed, monkeypatch):
    _refresh()
    before = _stored()
    _no_engine(monkeypatch)
    assert _refresh() == 0
    assert _stored() == before


def test_with_nothing_stale_it_does_one_query_and_no_engine_pass(
    placed, monkeypatch, django_assert_num_queries
):
    _refresh()
    _no_engine(monkeypatch)
    with django_assert_num_queries(1):
        assert _refresh() == 0
    with django_assert_num_queries(1):
        assert _refresh(partnership_ids=[placed[0].pk]) == 0


def test_given_proeftuinen_only_theirs_are_refreshed(placed):
    a, b = placed
    assert _refresh(partnership_ids=[a.pk]) == 1
    assert precomputed.stale_ids(_all(placed), SHOWN) == [b.pk]
    assert _refresh(partnership_ids=[b.pk], quarter="2026-Q2") == 1
    assert precomputed.stale_ids(_all(placed), Period(2026, 2)) == [a.pk]


def test_after_the_refresh_the_first_view_runs_no_engine(
    placed, client_for, programme_admin, monkeypatch
):
    _refresh()
    _no_engine(monkeypatch)
    response = client_for(programme_admin).get(reverse("monitoring:overview"))
    assert response.status_code == 200
    assert response.context["period"] == SHOWN


def test_applying_an_import_refreshes_its_proeftuin(
    placed, supplier_member, django_capture_on_commit_callbacks
):
    a, b = placed
    _refresh()
    row = ["IMP-1", "Medewerker", "direct", "nee", "25,5", "01-04-2026", "", ""]
    with django_capture_on_commit_callbacks(execute=True):
        job, _plan = services.import_directly(
            partnership=a, by=supplier_member, filename="p.csv", data=dutch_csv([row])
        )
    assert job.status == ImportStatus.APPLIED
    assert precomputed.stale_ids(_all(placed), SHOWN) == []
    _check_equals_engine(_all(placed))


def test_approving_a_quarter_refreshes_its_proeftuin(
    placed, supplier_member, buyer_member, django_capture_on_commit_callbacks
):
    a, b = placed
    _refresh()
    with django_capture_on_commit_callbacks(execute=True):
        reporting_round = services.open_round(partnership=a, period=SHOWN, by=supplier_member)
        services.submit_round(reporting_round=reporting_round, by=supplier_member)
        services.approve_round(reporting_round=reporting_round, by=buyer_member)
    assert precomputed.stale_ids(_all(placed), SHOWN) == []
    _check_equals_engine(_all(placed))
