"""The counting rules of DESIGN.md 3 on hand-made examples (exact figures)."""

from datetime import date
from decimal import Decimal

import pytest

from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.figures import Regime, compute_figures
from inkoopkracht.monitoring.models import EmploymentType
from inkoopkracht.monitoring.periods import Period
from inkoopkracht.partnerships.models import Partnership

from .factories import make_placement

pytestmark = pytest.mark.django_db

Q3 = Period.parse("2026-Q3")  # 1 July - 30 September: 92 days


def figures(partnership, period=Q3, regime=Regime.SPLIT):
    queryset = Partnership.objects.filter(pk=partnership.pk)
    return compute_figures(queryset, period, regime, approved=False).rows[0]


def test_a_full_time_baan_for_the_whole_quarter_is_one_baan(partnership_a):
    make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1), hours="25.5")
    row = figures(partnership_a)
    assert row.banen_gemiddeld == 1
    assert row.banen_einde == 1
    assert row.personen == 1


def test_a_partial_quarter_counts_the_days_it_was_active(partnership_a):
    # Active 16 August - 30 September: 46 of 92 days.
    make_placement(partnership=partnership_a, starts_on=date(2026, 8, 16), hours="25.5")
    row = figures(partnership_a)
    assert row.banen_gemiddeld == Decimal(46) / Decimal(92)
    assert row.banen_einde == 1


def test_an_ended_placement_counts_until_its_end_date_inclusive(partnership_a):
    make_placement(
        partnership=partnership_a,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 7, 31),
        hours="25.5",
    )
    row = figures(partnership_a)
    assert row.banen_gemiddeld == Decimal(31) / Decimal(92)
    assert row.banen_einde == 0
    assert row.personen == 1
    assert row.personen_einde == 0


def test_hours_that_change_count_with_the_hours_of_each_day(partnership_a):
    placement = make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1), hours="12.75")
    services.change_hours(
        placement=placement, hours_per_week=Decimal("25.5"), starting=date(2026, 9, 1), by=None
    )
    row = figures(partnership_a)
    # 62 days at 12.75 hours (half a baan) and 30 days at 25.5 hours.
    assert row.banen_gemiddeld == (Decimal(62) / 2 + Decimal(30)) / Decimal(92)
    assert row.banen_einde == 1


def test_an_open_end_keeps_counting(partnership_a):
    make_placement(partnership=partnership_a, starts_on=date(2020, 3, 1), hours="25.5")
    assert figures(partnership_a, Period.parse("2025")).banen_gemiddeld == 1
    assert figures(partnership_a).banen_einde == 1


def test_a_stacked_job_on_two_contracts_counts_once(partnership_a):
    from inkoopkracht.partnerships.tests.factories import make_contract

    second = make_contract(buyer=partnership_a.buyer, supplier=partnership_a.supplier)
    partnership_a.contracts.add(second)
    partnership_a.save()
    contracts = list(partnership_a.contracts.all())
    assert len(contracts) == 2
    make_placement(
        partnership=partnership_a, starts_on=date(2026, 1, 1), hours="25.5", contracts=contracts
    )
    row = figures(partnership_a)
    assert row.banen_einde == 1
    assert row.personen == 1


def test_unconfirmed_placements_are_counted_apart(partnership_a):
    make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1), hours="25.5")
    make_placement(
        partnership=partnership_a, starts_on=date(2026, 1, 1), hours="12.75", confirmed=False
    )
    row = figures(partnership_a)
    assert row.banen_einde == 1
    assert row.personen == 1
    assert row.unconfirmed_banen_einde == Decimal("0.5")
    assert row.unconfirmed.persons == 1


def test_extra_banen_and_progress_are_measured_against_baseline_and_ambition(partnership_a):
    partnership_a.baseline_jobs = Decimal("1")
    partnership_a.ambition_jobs = Decimal("4")
    partnership_a.save()
    for _index in range(3):
        make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1), hours="25.5")
    row = figures(partnership_a)
    assert row.extra_banen == 2
    assert row.progress == Decimal("0.5")


def test_retention_counts_who_is_still_there_six_and_twelve_months_after_starting(partnership_a):
    make_placement(partnership=partnership_a, starts_on=date(2025, 1, 15))  # still there
    make_placement(
        partnership=partnership_a, starts_on=date(2025, 1, 15), ends_on=date(2025, 9, 1)
    )  # 6, not 12
    make_placement(
        partnership=partnership_a, starts_on=date(2025, 1, 15), ends_on=date(2025, 7, 14)
    )  # left before 6
    make_placement(partnership=partnership_a, starts_on=date(2026, 6, 1))  # too recent for either
    row = figures(partnership_a)
    assert (row.durability.eligible_6, row.durability.retained_6) == (3, 2)
    assert (row.durability.eligible_12, row.durability.retained_12) == (3, 1)


def test_conversion_to_permanent_contracts(partnership_a):
    make_placement(
        partnership=partnership_a, starts_on=date(2025, 1, 1), permanent_since=date(2026, 8, 1)
    )
    make_placement(partnership=partnership_a, starts_on=date(2025, 1, 1))
    make_placement(
        partnership=partnership_a, starts_on=date(2025, 1, 1), permanent_since=date(2025, 1, 1)
    )
    row = figures(partnership_a)
    assert row.durability.temporary_active == 2
    assert row.durability.converted == 1
    assert row.durability.conversions == 1
    assert row.conversion_rate == Decimal("0.5")
    assert row.durability.permanent_end == 2


def test_a_seconded_worker_counts_for_the_hirer_only_under_the_split_regime(partnership_a):
    # The supplier (markt) seconds someone to the buyer (overheid).
    make_placement(
        partnership=partnership_a,
        starts_on=date(2026, 1, 1),
        employment_type=EmploymentType.DETACHERING,
    )
    make_placement(
        partnership=partnership_a, starts_on=date(2026, 1, 1)
    )  # the supplier's own payroll
    split = {part["key"]: part["banen_einde"] for part in figures(partnership_a).attribution()}
    assert split == {"overheid": 1, "markt": 1}
    one = {
        part["key"]: part["banen_einde"]
        for part in figures(partnership_a, regime=Regime.ONE).attribution()
    }
    assert one == {"landelijk": 2}


def test_figures_of_several_proeftuinen_add_up_to_the_total(partnership_a, partnership_b):
    make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1))
    make_placement(partnership=partnership_b, starts_on=date(2026, 8, 16), hours="12.75")
    figure_set = compute_figures(
        Partnership.objects.filter(pk__in=[partnership_a.pk, partnership_b.pk]), Q3
    )
    assert len(figure_set.rows) == 2
    assert figure_set.total.banen_einde == Decimal("1.5")
    assert figure_set.total.personen == 2


def test_rows_group_exactly_by_cohort_or_buyer(partnership_a, partnership_b):
    from inkoopkracht.monitoring.figures import aggregate

    make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1))
    make_placement(partnership=partnership_b, starts_on=date(2026, 1, 1), hours="12.75")
    rows = compute_figures(Partnership.objects.all(), Q3).rows
    cohorts = {p.pk: p.cohort_id for p in Partnership.objects.all()}
    by_cohort = aggregate(rows, key=lambda row: cohorts[row.partnership_id])
    assert list(by_cohort) == [partnership_a.cohort_id]
    assert by_cohort[partnership_a.cohort_id].banen_einde == Decimal("1.5")
    assert by_cohort[partnership_a.cohort_id].count == 2
    buyers = {p.pk: p.buyer_id for p in Partnership.objects.all()}
    by_buyer = aggregate(rows, key=lambda row: buyers[row.partnership_id])
    assert {k: v.banen_einde for k, v in by_buyer.items()} == {
        partnership_a.buyer_id: 1,
        partnership_b.buyer_id: Decimal("0.5"),
    }
