"""The team resets a user's two-factor after a lost phone; nobody else can."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from inkoopkracht.accounts.tests.helpers import totp_device

pytestmark = pytest.mark.django_db


def test_team_resets_a_coachs_authenticator(client_for, programme_admin, coach):
    totp_device(coach)
    client = client_for(programme_admin)
    listing = client.get("/beheer/users/").content.decode()
    assert f"/beheer/gebruikers/{coach.pk}/tweestapsverificatie/" in listing
    confirm = client.get(f"/beheer/gebruikers/{coach.pk}/tweestapsverificatie/")
    assert "nieuwe app" in confirm.content.decode()
    response = client.post(f"/beheer/gebruikers/{coach.pk}/tweestapsverificatie/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=coach).exists()


def test_a_coach_cannot_reset_anyone(client_for, coach, programme_admin):
    device = totp_device(programme_admin)
    response = client_for(coach).post(
        f"/beheer/gebruikers/{programme_admin.pk}/tweestapsverificatie/"
    )
    assert response.status_code in (302, 403)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
