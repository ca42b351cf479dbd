"""The demo programme fills the public results: proeftuinen, banen per quarter, open data."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from inkoopkracht.reports.results import programme_results

pytestmark = pytest.mark.django_db


def test_demo_shows_results(client):
    call_command("load_demo")
    results, message = programme_results()
    assert message is None
    assert results.has_figures
    assert results.proeftuinen >= 15
    assert len(results.quarters) >= 8
    assert 0 < results.total.reported <= results.total.due
    assert results.total.banen_einde > 0
    assert sum(g.proeftuinen for g in results.by_step) == results.proeftuinen
    assert client.get(reverse("reports:results")).status_code == 200
