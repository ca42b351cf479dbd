"""The demo programme shows the team a mix of red, amber and green, each with its reasons."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from inkoopkracht.partnerships.models import Partnership
from inkoopkracht.reports.health import Health, health_rows

pytestmark = pytest.mark.django_db


def test_the_demo_has_proeftuinen_of_every_status_with_reasons():
    call_command("load_demo")
    rows = health_rows(Partnership.objects.all(), today=timezone.localdate())
    statuses = {row.status for row in rows}
    assert statuses == set(Health)
    assert all(row.reasons for row in rows if row.status != Health.GREEN)
    texts = " ".join(row.reason_text for row in rows)
    assert "glijpad" in texts
    assert "coachingscontact" in texts
    assert "bijeenkomsten" in texts
