"""Login with e-mail and password; two-factor for staff; recovery codes."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from inkoopkracht.accounts.roles import Role
from inkoopkracht.accounts.tests.helpers import current_code, totp_device
from inkoopkracht.partnerships.tests.factories import make_user

pytestmark = pytest.mark.django_db


PASSWORD = "een-lang-wachtwoord-42"


def login(client, email, password=PASSWORD, next_url=""):
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password, "next": next_url}
    )


def test_member_logs_in_and_lands_in_the_portal(client, supplier_member):
    response = login(client, supplier_member.email.upper())
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerships:portal")
    assert client.get(reverse("partnerships:portal")).status_code == 200


def test_wrong_password_gets_a_dutch_message(client, supplier_member):
    response = login(client, supplier_member.email, "verkeerd-wachtwoord")
    assert response.status_code == 200
    assert (
        "Deze combinatie van e-mailadres en wachtwoord kennen we niet" in response.content.decode()
    )


def test_staff_must_enter_a_code_before_anything_opens(client, programme_admin):
    device = totp_device(programme_admin)
    response = login(client, programme_admin.email)
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    blocked = client.get("/beheer/")
    assert blocked.status_code == 302
    assert blocked["Location"].startswith(reverse("accounts:two_factor"))

    wrong = client.post(reverse("accounts:two_factor"), {"token": "000000"})
    assert "Deze code klopt niet" in wrong.content.decode()
    assert client.get("/beheer/").status_code == 302

    # A wrong code slows the next attempt down (throttling); a little later the right one works.
    too_soon = client.post(reverse("accounts:two_factor"), {"token": current_code(device)})
    assert "Wacht even" in too_soon.content.decode()
    with time_machine.travel(timezone.now() + timedelta(seconds=10), tick=False):
        right = client.post(reverse("accounts:two_factor"), {"token": current_code(device)})
        assert right.status_code == 302
        assert client.get("/beheer/").status_code == 200


def test_first_staff_login_links_an_authenticator_and_shows_recovery_codes(client):
    coach = make_user(role=Role.COACH, email="nieuw@inkoopkracht.example")
    login(client, coach.email)
    setup = client.get(reverse("accounts:two_factor"))
    assert "Tweestapsverificatie instellen" in setup.content.decode()
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=coach, confirmed=False)
    response = client.post(reverse("accounts:two_factor"), {"token": current_code(device)})
    assert response.status_code == 200
    codes = re.findall(r"<li>([a-z0-9]{8})</li>", response.content.decode())
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/beheer/").status_code == 200


def test_a_recovery_code_works_once(client, programme_admin):
    from inkoopkracht.accounts import services

    device = totp_device(programme_admin)
    services.reset_two_factor(user=programme_admin, by=None)
    device = services.start_totp_setup(user=programme_admin)
    codes = services.confirm_totp(user=programme_admin, device=device, token=current_code(device))
    login(client, programme_admin.email)
    assert client.post(reverse("accounts:two_factor"), {"token": codes[0]}).status_code == 302
    client.post(reverse("accounts:logout"))
    login(client, programme_admin.email)
    with time_machine.travel(timezone.now() + timedelta(seconds=10), tick=False):
        again = client.post(reverse("accounts:two_factor"), {"token": codes[0]})
    assert "Deze code klopt niet of is al gebruikt" in again.content.decode()


def test_members_never_reach_the_back_office(client_for, buyer_member):
    response = client_for(buyer_member).get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_deactivated_account_is_logged_out(client_for, supplier_member, programme_admin):
    from inkoopkracht.accounts import services

    client = client_for(supplier_member)
    assert client.get(reverse("partnerships:portal")).status_code == 200
    services.deactivate(user=supplier_member, by=programme_admin)
    assert client.get(reverse("partnerships:portal")).status_code == 302


def test_passwords_are_hashed_with_argon2_in_production():
    # The test suite swaps in a fast hasher; the project setting stays Argon2.
    from importlib import reload

    import inkoopkracht.settings as project_settings

    reload(project_settings)
    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert settings.AUTH_USER_MODEL == "accounts.User"


@pytest.mark.parametrize("bad", ["", "abc", "12345678901234567"])
def test_malformed_codes_are_refused_in_dutch(client, programme_admin, bad):
    totp_device(programme_admin)
    login(client, programme_admin.email)
    response = client.post(reverse("accounts:two_factor"), {"token": bad})
    assert response.status_code == 200
    assert client.get("/beheer/").status_code == 302
