"""Property: after any sequence of writes (placements created, changed, ended, confirmed,
deleted; hours changed; an employer's sector changed; an import; a quarter approved; the glide
path changed) the precomputed overview rows give exactly what a fresh ``compute_figures`` and
``glide_path_statuses`` give: every row, every status, every total. Runs on SQLite and
PostgreSQL (the database triggers differ per vendor)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inkoopkracht.monitoring import precomputed, services
from inkoopkracht.monitoring.figures import compute_figures, present, sum_figures
from inkoopkracht.monitoring.glidepath import glide_path_statuses
from inkoopkracht.monitoring.models import OverviewRow, OverviewVersion, Placement
from inkoopkracht.monitoring.periods import Period
from inkoopkracht.monitoring.services.errors import MonitoringError
from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.models import Milestone, Partnership

from .conftest import dutch_csv
from .factories import make_placement

pytestmark = pytest.mark.django_db

QUARTERS = [Period(2026, 3), Period(2026, 2)]
HOURS = ["8", "16", "25.5", "32", "36"]
FIRST_DAY = date(2025, 10, 1)


def _numbers(figures) -> dict:
    """Everything the overview shows or adds up of one row or total."""
    buckets = {
        key: sums.as_dict() for key, sums in figures.buckets.items() if any(sums.as_dict().values())
    }
    shown = present(figures, suppress=False)
    shown["attribution"] = [
        {k: v for k, v in part.items() if k != "label"} for part in shown["attribution"]
    ]
    return {
        "buckets": buckets,
        "durability": None if figures.durability is None else figures.durability.as_dict(),
        "baseline": figures.baseline,
        "ambition": figures.ambition,
        "hours_per_job": figures.hours_per_job,
        "source": figures.source,
        "revision": figures.revision,
        "count": figures.count,
        "shown": shown,
    }


def _check_equals_engine(partnerships) -> None:
    for period in QUARTERS:
        stored_statuses = precomputed.statuses(partnerships, period)
        live = compute_figures(partnerships, period, durability=False)
        live_statuses = glide_path_statuses(partnerships, period, live)
        expected = {pk: status.status for pk, status in live_statuses.items()}
        assert stored_statuses == expected
        assert precomputed.statuses(partnerships, period) == expected  # now all stored
        ids = [row.partnership_id for row in live.rows]
        stored = precomputed.figure_set(ids, period)
        assert [_numbers(row) for row in stored.rows] == [_numbers(row) for row in live.rows]
        for status in [None, *set(expected.values())]:
            rows = [row for row in live.rows if status in (None, expected[row.partnership_id])]
            total = precomputed.total(partnerships, period, rows[0].partnership_id, status)
            assert _numbers(total) == _numbers(sum_figures(rows))


def _day(data, first=FIRST_DAY, days=400) -> date:
    return first + timedelta(days=data.draw(st.integers(0, days)))


def _a_placement(data):
    placements = list(Placement.objects.order_by("pk"))
    return data.draw(st.sampled_from(placements)) if placements else None


def _create(data, partnership, placement, people):
    make_placement(
        partnership=partnership,
        starts_on=_day(data),
        hours=Decimal(data.draw(st.sampled_from(HOURS))),
        confirmed=data.draw(st.booleans()),
        employer=data.draw(st.sampled_from([partnership.supplier, partnership.buyer])),
    )


def _hours(data, partnership, placement, people):
    services.change_hours(
        placement=placement,
        hours_per_week=Decimal(data.draw(st.sampled_from(HOURS))),
        starting=_day(data, placement.starts_on, 300),
        by=None,
    )


def _end(data, partnership, placement, people):
    ends_on = _day(data, placement.starts_on, 300)
    services.update_placement(placement=placement, by=None, ends_on=ends_on)


def _confirm(data, partnership, placement, people):
    confirmed = data.draw(st.sampled_from([None, placement.starts_on]))
    services.update_placement(placement=placement, by=None, register_confirmed_on=confirmed)


def _delete(data, partnership, placement, people):
    services.delete_placement(placement=placement, by=None)


def _sector(data, partnership, placement, people):
    organisation = Organisation.objects.get(pk=partnership.supplier_id)
    flipped = {"markt": "overheid", "overheid": "markt"}[organisation.sector]
    Organisation.objects.filter(pk=organisation.pk).update(sector=flipped)


def _import(data, partnership, placement, people):
    number = Placement.objects.count() + data.draw(st.integers(100, 10_000))
    row = [f"IMP-{number}", "Medewerker", "direct", "nee", "25,5", "01-04-2026", "", ""]
    services.import_directly(
        partnership=people["a"], by=people["supplier"], filename="p.csv", data=dutch_csv([row])
    )


def _approve(data, partnership, placement, people):
    period = data.draw(st.sampled_from(QUARTERS))
    supplier = people["supplier"]
    reporting_round = services.open_round(partnership=people["a"], period=period, by=supplier)
    if reporting_round.is_editable:
        services.submit_round(reporting_round=reporting_round, by=supplier)
        services.approve_round(reporting_round=reporting_round, by=people["buyer"])


def _plan(data, partnership, placement, people):
    Partnership.objects.filter(pk=partnership.pk).update(
        baseline_jobs=Decimal(data.draw(st.sampled_from(["0", "0.5", "1.25", "3"]))),
        ambition_jobs=data.draw(st.sampled_from([None, Decimal("2"), Decimal("10.5")])),
    )


def _milestone(data, partnership, placement, people):
    due_on = _day(data, date(2025, 6, 1), 700)
    Milestone.objects.create(partnership=partnership, due_on=due_on, jobs=Decimal(1))


WRITES = {
    "create": _create, "hours": _hours, "end": _end, "confirm": _confirm, "delete": _delete,
    "sector": _sector, "import": _import, "approve": _approve, "plan": _plan,
    "milestone": _milestone,
}  # fmt: skip
NEEDS_A_PLACEMENT = {"hours", "end", "confirm", "delete"}


def _write(data, operation, proeftuinen, people) -> None:
    partnership = data.draw(st.sampled_from(proeftuinen))
    placement = _a_placement(data)
    if placement is None and operation in NEEDS_A_PLACEMENT:
        return
    WRITES[operation](data, partnership, placement, people)


OPERATIONS = st.sampled_from(
    ["create", "create", "hours", "end", "confirm", "delete", "sector", "import", "approve",
     "plan", "milestone"]
)  # fmt: skip


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), operations=st.lists(OPERATIONS, min_size=1, max_size=8))
def test_after_any_writes_the_precomputed_overview_equals_the_engine(
    proeftuinen, supplier_member, buyer_member, data, operations
):
    queryset = Partnership.objects.filter(pk__in=[p.pk for p in proeftuinen]).order_by("name")
    people = {"a": proeftuinen[0], "supplier": supplier_member, "buyer": buyer_member}
    with transaction.atomic():
        _check_equals_engine(queryset)
        for operation in operations:
            try:
                with transaction.atomic():
                    _write(data, operation, proeftuinen, people)
            except MonitoringError:
                pass  # a write the rules refuse changes nothing
            _check_equals_engine(queryset)
        transaction.set_rollback(True)


def test_every_input_table_raises_the_version_in_the_same_statement(proeftuinen, supplier_member):
    """Also raw SQL, which no service sees."""
    a, b = proeftuinen
    placement = make_placement(partnership=a, starts_on=date(2026, 1, 1))

    def version(partnership):
        row = OverviewVersion.objects.filter(partnership_id=partnership.pk).first()
        return row.version if row else 0

    statements = [
        ("UPDATE monitoring_placementhours SET hours_per_week = 20 WHERE placement_id = %s",
         [placement.pk], [a]),
        ("UPDATE monitoring_placement SET partnership_id = %s WHERE id = %s",
         [b.pk, placement.pk], [a, b]),
        ("UPDATE organisations_organisation SET sector = 'overheid' WHERE id = %s",
         [placement.employer_id], [b]),
        ("UPDATE partnerships_partnership SET baseline_jobs = 2 WHERE id = %s", [a.pk], [a]),
        ("INSERT INTO partnerships_milestone (partnership_id, due_on, jobs, note) "
         "VALUES (%s, '2026-06-30', 1, '')", [b.pk], [b]),
        ("DELETE FROM monitoring_placementhours WHERE placement_id = %s", [placement.pk], [b]),
        ("DELETE FROM monitoring_placement WHERE id = %s", [placement.pk], [b]),
    ]  # fmt: skip
    for sql, params, touched in statements:
        before = {p.pk: version(p) for p in proeftuinen}
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
        after = {p.pk: version(p) for p in proeftuinen}
        assert {pk for pk in after if after[pk] != before[pk]} == {p.pk for p in touched}, sql


def test_the_page_shows_a_change_at_once(client_for, programme_admin, proeftuinen):
    client = client_for(programme_admin)
    url = reverse("monitoring:overview")
    Partnership.objects.update(baseline_jobs=0)
    placement = make_placement(partnership=proeftuinen[0], starts_on=date(2026, 1, 1))
    assert "1,00" in client.get(url).content.decode()
    assert OverviewRow.objects.filter(year=2026, quarter=3).count() == 2
    services.change_hours(
        placement=placement, hours_per_week=Decimal(51), starting=date(2026, 2, 1), by=None
    )
    page = client.get(url).content.decode()
    assert "2,00" in page
    assert "1,00" not in page
