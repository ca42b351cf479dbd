"""Brute force: after five failed logins for an account from one address, it is locked."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def attempt(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_five_failures_lock_the_account_even_for_the_right_password(
    client, supplier_member, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, supplier_member.email, "fout-wachtwoord")
    response = attempt(client, supplier_member.email, "een-lang-wachtwoord-42")
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in response.content.decode()
    assert client.get(reverse("partnerships:portal")).status_code == 302


def test_lock_lifts_after_the_cool_off(client, supplier_member, settings):
    import time_machine
    from django.utils import timezone

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, supplier_member.email, "fout-wachtwoord")
    later = timezone.now() + settings.AXES_COOLOFF_TIME + timezone.timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        response = attempt(client, supplier_member.email, "een-lang-wachtwoord-42")
    assert response.status_code == 302


def test_other_accounts_are_not_locked(client, supplier_member, buyer_member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, supplier_member.email, "fout-wachtwoord")
    assert attempt(client, buyer_member.email, "een-lang-wachtwoord-42").status_code == 302
