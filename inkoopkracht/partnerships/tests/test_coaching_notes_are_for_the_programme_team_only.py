"""Members see the sessions (date, kind, attendees, agreements) but never the coach's notes:
not on the page, not in the API, not even loaded from the database."""

import pytest
from django.urls import reverse

from inkoopkracht.partnerships.models import CoachingSession
from inkoopkracht.partnerships.tests.factories import make_session

pytestmark = pytest.mark.django_db

NOTE = "Vertrouwelijke notitie van de begeleider."


@pytest.mark.parametrize("persona", ["buyer_member", "supplier_member"])
def test_members_see_agreements_but_not_notes(request, client_for, partnership_a, persona):
    make_session(partnership=partnership_a)
    client = client_for(request.getfixturevalue(persona))
    page = client.get(reverse("partnerships:sessions", args=[partnership_a.pk])).content.decode()
    assert "Ambitie vastgesteld." in page
    assert NOTE not in page
    assert "Notities van de begeleider" not in page
    api = client.get(f"/api/v1/proeftuinen/{partnership_a.pk}/sessies/").json()
    assert api["items"][0]["agreements"] == "Ambitie vastgesteld."
    assert api["items"][0]["notes"] is None
    assert (
        NOTE
        not in client.get(reverse("partnerships:detail", args=[partnership_a.pk])).content.decode()
    )


@pytest.mark.parametrize("persona", ["coach", "other_coach", "programme_admin"])
def test_the_programme_team_sees_the_notes(request, client_for, partnership_a, persona):
    make_session(partnership=partnership_a)
    client = client_for(request.getfixturevalue(persona))
    page = client.get(reverse("partnerships:sessions", args=[partnership_a.pk])).content.decode()
    assert NOTE in page
    api = client.get(f"/api/v1/proeftuinen/{partnership_a.pk}/sessies/").json()
    assert api["items"][0]["notes"] == NOTE


def test_the_members_queryset_never_loads_the_notes(buyer_member, partnership_a):
    make_session(partnership=partnership_a)
    session = CoachingSession.objects.visible_to(buyer_member).get()
    assert "notes" in session.get_deferred_fields()


def test_outsiders_see_no_sessions(client_for, outsider, partnership_a):
    make_session(partnership=partnership_a)
    client = client_for(outsider)
    assert client.get(reverse("partnerships:sessions", args=[partnership_a.pk])).status_code == 404
    assert client.get(f"/api/v1/proeftuinen/{partnership_a.pk}/sessies/").status_code == 404


def test_coach_records_a_session(client_for, coach, partnership_a):
    from inkoopkracht.partnerships.tests.factories import make_contact

    contact = make_contact(organisation=partnership_a.supplier)
    client = client_for(coach)
    response = client.post(
        reverse("partnerships:add_session", args=[partnership_a.pk]),
        {
            "held_on": "2026-02-03",
            "kind": "kick_off",
            "attendees": [contact.pk],
            "coaches": [coach.pk],
            "agreements": "Intentieverklaring voor 1 maart tekenen.",
            "notes": "Inkoper twijfelt.",
        },
    )
    assert response.status_code == 302
    session = CoachingSession.objects.get()
    assert list(session.attendees.all()) == [contact]
    assert session.notes == "Inkoper twijfelt."
    assert partnership_a.checklist_items.get(default_code="kickoff-sessie").is_done


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"held_on": ""}, "Vul de datum van de sessie in."),
        ({"kind": ""}, "Kies het soort sessie"),
    ],
)
def test_a_session_without_date_or_kind_is_refused(client_for, coach, partnership_a, data, message):
    post = {"held_on": "2026-02-03", "kind": "evaluatie", "notes": "Bewaar mij"} | data
    response = client_for(coach).post(
        reverse("partnerships:add_session", args=[partnership_a.pk]), post
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Bewaar mij" in response.content.decode()
    assert not CoachingSession.objects.exists()


def test_attendees_must_belong_to_the_proeftuin(partnership_a, partnership_b):
    from django.core.exceptions import ValidationError

    from inkoopkracht.partnerships.tests.factories import make_contact

    stranger = make_contact(organisation=partnership_b.supplier)
    with pytest.raises(ValidationError) as error:
        make_session(partnership=partnership_a, attendees=[stranger])
    assert "attendees" in error.value.message_dict
