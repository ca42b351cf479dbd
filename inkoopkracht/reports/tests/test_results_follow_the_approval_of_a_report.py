"""End to end: placements → the supplier submits → the buyer approves → the public results show
exactly the frozen figures of monitoring (both sectors; unconfirmed placements not counted)."""

from datetime import date
from decimal import Decimal

import pytest

from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.figures import compute_figures
from inkoopkracht.monitoring.models import EmploymentType
from inkoopkracht.monitoring.tests.factories import make_placement
from inkoopkracht.partnerships.models import Partnership
from inkoopkracht.reports.results import programme_results

from .conftest import Q3

pytestmark = pytest.mark.django_db


@pytest.fixture
def placements(partnership_a):
    Partnership.objects.filter(pk=partnership_a.pk).update(started_on=date(2025, 1, 1))
    for hours in ("25.5", "30", "12.75", "36", "20"):
        make_placement(partnership=partnership_a, hours=Decimal(hours))
    # Seconded to the buyer: counts for the government sector under the split regime.
    make_placement(
        partnership=partnership_a,
        hours=Decimal("25.5"),
        employment_type=EmploymentType.DETACHERING,
        starts_on=date(2026, 8, 1),
    )
    make_placement(partnership=partnership_a, hours=Decimal("38"), confirmed=False)


def _submit(partnership, supplier_member):
    reporting_round = services.open_round(partnership=partnership, period=Q3, by=supplier_member)
    return services.submit_round(reporting_round=reporting_round, by=supplier_member, notify=False)


def test_submitted_is_not_public_and_approved_is(
    placements, partnership_a, supplier_member, buyer_member
):
    reporting_round = _submit(partnership_a, supplier_member)
    results, _message = programme_results()
    assert not results.has_figures

    services.approve_round(reporting_round=reporting_round, by=buyer_member, notify=False)
    results, _message = programme_results()
    frozen = compute_figures(Partnership.objects.all(), Q3, approved=True).total
    total = results.total
    assert (total.reported, total.due) == (1, 1)
    assert total.personen_einde == frozen.personen_einde == 6  # not the unconfirmed one
    expected_end = (  # 25.5 + 30 + 12.75 + 36 + 20 + 25.5 hours
        Decimal("149.75") / Decimal("25.5")
    ).quantize(Decimal("0.01"))
    assert total.banen_einde == expected_end == frozen.banen_einde.quantize(Decimal("0.01"))
    assert total.banen_gemiddeld == frozen.banen_gemiddeld.quantize(Decimal("0.01"))
    assert total.baseline == frozen.baseline.quantize(Decimal("0.01"))
    assert total.ambition == frozen.ambition
    assert results.quarters[-1].cells == total
