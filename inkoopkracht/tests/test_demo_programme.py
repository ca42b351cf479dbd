"""The demo programme: realistic, deterministic and safe to load twice."""

import pytest
from django.core.management import call_command

from inkoopkracht.accounts.models import User
from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def counts():
    return {
        "organisations": Organisation.objects.count(),
        "partnerships": Partnership.objects.count(),
        "users": User.objects.count(),
    }


def test_demo_loads_a_first_cohort_of_fifteen_and_a_second_cohort(capsys):
    call_command("load_demo")
    first = Partnership.objects.filter(cohort__number=1)
    assert first.count() == 15
    assert (
        first.filter(
            work_sector__in=["schoonmaak", "catering", "facilitair", "groen", "beveiliging"]
        ).count()
        >= 10
    )
    assert first.filter(route=Partnership.Route.EXISTING_CONTRACT).count() > first.count() / 2
    subsectors = set(first.values_list("buyer__subsector", flat=True))
    assert {"rijk", "gemeente", "provincie", "waterschap", "onderwijs"} <= subsectors
    assert Partnership.objects.filter(cohort__number=2).exists()
    assert all(p.coaches.exists() for p in Partnership.objects.exclude(status="aangemeld"))
    output = capsys.readouterr().out
    assert "femke.dekker@zandhoven.example" in output
    assert "ruben.jansen@helderwerk.example" in output


def test_loading_twice_changes_nothing():
    call_command("load_demo")
    first = counts()
    names = sorted(Partnership.objects.values_list("name", flat=True))
    call_command("load_demo")
    assert counts() == first
    assert sorted(Partnership.objects.values_list("name", flat=True)) == names


def test_demo_members_see_their_own_proeftuinen(client):
    call_command("load_demo")
    from inkoopkracht.lib.demo import DEMO_PASSWORD

    client.post(
        "/account/inloggen/",
        {"username": "femke.dekker@zandhoven.example", "password": DEMO_PASSWORD},
    )
    page = client.get("/mijn/").content.decode()
    assert "Gemeente Zandhoven en Schoonmaakbedrijf Helderwerk" in page
    assert "Universiteit Westerlaan" not in page
