"""Property: the SQL engine gives exactly the figures of a plain day-by-day reference.

Random placements (partial quarters, hour changes, open ends, unconfirmed ones, conversions to
permanent, seconded and agency work counting for the hirer) and random quarters and years; runs
on SQLite and on PostgreSQL (the suite runs on both).
"""

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inkoopkracht.monitoring.figures import Regime, compute_series, hours_per_job
from inkoopkracht.monitoring.models import EmploymentType, Placement, PlacementHours
from inkoopkracht.monitoring.periods import Period
from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.models import PartnershipParty
from inkoopkracht.partnerships.tests.factories import make_organisation, make_partnership

from .reference import RefPlacement, reference

pytestmark = pytest.mark.django_db

HOURS = st.sampled_from(
    ["8", "12.5", "16", "18.33", "20", "24", "25.5", "32", "36", "40", "0.01", "60"]
)
START = date(2018, 10, 1)


@st.composite
def placement_specs(draw):
    starts_on = START + timedelta(days=draw(st.integers(0, 9 * 366)))
    ends_on = draw(
        st.one_of(st.none(), st.integers(0, 1600).map(lambda d: starts_on + timedelta(days=d)))
    )
    last = ends_on or starts_on + timedelta(days=1600)
    changes = draw(
        st.lists(st.integers(1, max(1, (last - starts_on).days)), max_size=3, unique=True)
    )
    hours = [(starts_on, draw(HOURS))] + [
        (starts_on + timedelta(days=d), draw(HOURS)) for d in sorted(changes)
    ]
    permanent = draw(st.sampled_from(["none", "start", "later"]))
    permanent_since = {"none": None, "start": starts_on}.get(permanent)
    if permanent == "later":
        permanent_since = starts_on + timedelta(days=draw(st.integers(1, 900)))
        if ends_on and permanent_since > ends_on:
            permanent_since = ends_on
    return {
        "starts_on": starts_on,
        "ends_on": ends_on,
        "hours": hours,
        "confirmed": draw(st.booleans()) or draw(st.booleans()),
        "permanent_since": permanent_since,
        "employer": draw(st.sampled_from(["buyer", "supplier", "sw"])),
        "type": draw(st.sampled_from([t.value for t in EmploymentType])),
    }


PERIODS = st.one_of(
    st.builds(Period, st.integers(2018, 2028), st.integers(1, 4)),
    st.builds(Period, st.integers(2018, 2028)),
)


@pytest.fixture
def proeftuin():
    partnership = make_partnership(name="Referentie")
    sw = make_organisation(
        kind=Organisation.Kind.SW_COMPANY, sector=Organisation.Sector.OVERHEID, subsector="gemeente"
    )
    PartnershipParty.objects.create(partnership=partnership, organisation=sw, role="sw_bedrijf")
    return partnership, {"buyer": partnership.buyer, "supplier": partnership.supplier, "sw": sw}


def _store(partnership, organisations, specs) -> list[RefPlacement]:
    refs, placements, hour_rows = [], [], []
    for index, spec in enumerate(specs):
        employer = organisations[spec["employer"]]
        hirer = None
        if spec["type"] in ("detachering", "uitzend", "groepsdetachering"):
            hirer = next(o for key, o in organisations.items() if o != employer and key != "sw")
        placement = Placement(
            partnership=partnership,
            employer=employer,
            hirer=hirer,
            reference=f"REF-{index}",
            employment_type=spec["type"],
            starts_on=spec["starts_on"],
            ends_on=spec["ends_on"],
            permanent_since=spec["permanent_since"],
            register_confirmed_on=date(2020, 1, 1) if spec["confirmed"] else None,
        )
        placements.append(placement)
        refs.append(
            RefPlacement(
                starts_on=spec["starts_on"],
                ends_on=spec["ends_on"],
                hours=[(day, Fraction(h)) for day, h in spec["hours"]],
                confirmed=spec["confirmed"],
                permanent_since=spec["permanent_since"],
                sector=(hirer or employer).sector,
            )
        )
    Placement.objects.bulk_create(placements)
    for placement, spec in zip(placements, specs, strict=True):
        starts = [day for day, _h in spec["hours"]]
        for position, (day, hours) in enumerate(spec["hours"]):
            following = starts[position + 1] if position + 1 < len(starts) else None
            hour_rows.append(
                PlacementHours(
                    placement=placement,
                    starts_on=day,
                    ends_on=following - timedelta(days=1) if following else None,
                    hours_per_week=Decimal(hours),
                )
            )
    PlacementHours.objects.bulk_create(hour_rows)
    return refs


def _check(figures, expected, period):
    job = Fraction(hours_per_job(period))

    def average(sums):
        return Fraction(sums.hour_days) / (100 * job * period.days)

    def end(sums):
        return Fraction(sums.hours_end) / (100 * job)

    assert average(figures.confirmed) == expected["banen_gemiddeld"]
    assert end(figures.confirmed) == expected["banen_einde"]
    assert abs(Fraction(figures.banen_gemiddeld) - expected["banen_gemiddeld"]) < Fraction(
        1, 10**20
    )
    assert abs(Fraction(figures.banen_einde) - expected["banen_einde"]) < Fraction(1, 10**20)
    assert figures.personen == expected["personen"]
    assert figures.personen_einde == expected["personen_einde"]
    assert end(figures.unconfirmed) == expected["unconfirmed_banen_einde"]
    assert figures.unconfirmed.persons == expected["unconfirmed_personen"]
    for sector in ("overheid", "markt"):
        assert average(figures.sector(sector)) == expected[f"{sector}_banen_gemiddeld"]
        assert end(figures.sector(sector)) == expected[f"{sector}_banen_einde"]
    durability = figures.durability.as_dict()
    for name in ("eligible_6", "retained_6", "eligible_12", "retained_12", "temporary_active",
                 "converted", "conversions", "permanent_end"):  # fmt: skip
        assert durability[name] == expected[name], name


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    specs=st.lists(placement_specs(), max_size=10),
    periods=st.lists(PERIODS, min_size=1, max_size=3),
)
def test_sql_engine_equals_day_by_day_reference(proeftuin, specs, periods):
    partnership, organisations = proeftuin
    with transaction.atomic():
        refs = _store(partnership, organisations, specs)
        series = compute_series(
            type(partnership).objects.filter(pk=partnership.pk),
            periods,
            Regime.SPLIT,
            approved=False,
        )
        for period, figure_set in zip(periods, series, strict=True):
            expected = reference(refs, period, Fraction(hours_per_job(period)))
            _check(figure_set.rows[0], expected, period)
        transaction.set_rollback(True)
