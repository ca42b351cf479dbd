"""Who reaches the intake in the back office: the team changes, coaches look, members never."""

import pytest

from inkoopkracht.intake.models import Application

from .factories import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(db):
    return make_application()


def test_a_coach_sees_the_pipeline_but_cannot_change_it(client_for, coach, application):
    client = client_for(coach)
    assert client.get("/beheer/aanmeldingen/").status_code == 200
    html = client.get(f"/beheer/aanmeldingen/inspect/{application.pk}/").content.decode()
    assert application.reference in html
    assert "Accepteren en proeftuin starten" not in html
    response = client.post(
        f"/beheer/aanmeldingen/inspect/{application.pk}/",
        {"action": "note", "note-text": "Mag ik dit?"},
    )
    assert response.status_code in (302, 403)
    assert client.get(f"/beheer/aanmeldingen/accepteren/{application.pk}/").status_code in (
        302,
        403,
    )
    assert not application.notes.exists()


def test_a_coach_does_not_see_postal_addresses(client_for, coach):
    client = client_for(coach)
    assert client.get("/beheer/handreiking-bestellingen/versturen/").status_code in (302, 403)
    assert client.get("/beheer/handreiking-bestellingen/adresetiketten.csv").status_code in (
        302,
        403,
    )
    assert client.get("/beheer/informatieverzoeken/").status_code in (302, 403)


@pytest.mark.parametrize("persona", ["buyer_member", "supplier_member", "outsider"])
def test_members_never_reach_the_intake(client_for, request, persona, application):
    client = client_for(request.getfixturevalue(persona))
    for url in (
        "/beheer/aanmeldingen/",
        f"/beheer/aanmeldingen/inspect/{application.pk}/",
        f"/beheer/aanmeldingen/accepteren/{application.pk}/",
        "/beheer/handreiking-bestellingen/versturen/",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert application.reference not in response.content.decode()


def test_anonymous_visitors_are_sent_to_login(client, application):
    response = client.get(f"/beheer/aanmeldingen/inspect/{application.pk}/")
    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]


def test_the_queryset_fails_closed(buyer_member, coach, programme_admin, application):
    assert not Application.objects.visible_to(buyer_member).exists()
    assert Application.objects.visible_to(coach).count() == 1
    assert Application.objects.visible_to(programme_admin).count() == 1
