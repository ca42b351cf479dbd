"""The demo: placements from 2019 to today and reporting rounds in every state; loading twice
changes nothing."""

import pytest
from django.core.management import call_command
from django.db.models import F

from inkoopkracht.monitoring.models import EmploymentType, Placement, ReportingRound, RoundStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_placements_of_every_kind_and_rounds_in_every_state():
    call_command("load_demo")
    placements = Placement.objects.all()
    assert placements.filter(starts_on__year__lte=2019).exists()
    assert placements.filter(ends_on__isnull=False).exists()
    assert placements.filter(register_confirmed_on__isnull=True).exists()
    assert placements.filter(hours__starts_on__gt=F("starts_on")).exists()
    assert placements.filter(employment_type=EmploymentType.GROEPSDETACHERING).exists()
    assert any(p.contracts.count() > 1 for p in placements.prefetch_related("contracts"))
    assert placements.filter(permanent_since__gt=F("starts_on")).exists()
    statuses = set(ReportingRound.objects.values_list("status", flat=True))
    assert statuses == set(RoundStatus.values)
    assert ReportingRound.objects.filter(revision=2).exists()
    counts = (Placement.objects.count(), ReportingRound.objects.count())
    call_command("load_demo")
    assert (Placement.objects.count(), ReportingRound.objects.count()) == counts
