"""Guidance pages are for everyone who sees the proeftuin; changing it is for its coaches and
the team. Another coach and members get a 403 with a Dutch reason; outsiders a 404. Nothing
changes."""

import pytest
from django.urls import reverse

from inkoopkracht.partnerships.models import ChecklistItem
from inkoopkracht.partnerships.tests.factories import make_letter

pytestmark = pytest.mark.django_db

PERSONAS = [
    "coach",
    "programme_admin",
    "other_coach",
    "buyer_member",
    "supplier_member",
    "outsider",
]
READ_EXPECTED = {"coach": 200, "programme_admin": 200, "other_coach": 200, "buyer_member": 200,
                 "supplier_member": 200, "outsider": 404}  # fmt: skip
WRITE_EXPECTED = {"coach": 200, "programme_admin": 200, "other_coach": 403, "buyer_member": 403,
                  "supplier_member": 403, "outsider": 404}  # fmt: skip


def pages(partnership):
    pk = partnership.pk
    item = partnership.checklist_items.first()
    read = ["plan", "letter", "letter_pdf", "actions", "sessions"]
    write = ["add_action", "add_session", "sign_letter"]
    return (
        [reverse(f"partnerships:{name}", args=[pk]) for name in read],
        [reverse(f"partnerships:{name}", args=[pk]) for name in write]
        + [
            reverse("partnerships:add_item", args=[pk, 2]),
            reverse("partnerships:edit_item", args=[pk, item.pk]),
        ],
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_reads_and_who_changes(request, persona, client_for, coach, partnership_a):
    make_letter(partnership=partnership_a)
    client = client_for(request.getfixturevalue(persona))
    read, write = pages(partnership_a)
    for url in read:
        assert client.get(url).status_code == READ_EXPECTED[persona], url
    for url in write:
        response = client.get(url)
        assert response.status_code == WRITE_EXPECTED[persona], url
        if response.status_code == 403:
            assert "Alleen de begeleiders van deze proeftuin" in response.content.decode()


@pytest.mark.parametrize("persona", ["other_coach", "buyer_member", "outsider"])
def test_a_refused_change_changes_nothing(request, persona, client_for, coach, partnership_a):
    client = client_for(request.getfixturevalue(persona))
    item = partnership_a.checklist_items.first()
    responses = [
        client.post(
            reverse("partnerships:check_item", args=[partnership_a.pk, item.pk]), {"done": "1"}
        ),
        client.post(reverse("partnerships:advance", args=[partnership_a.pk]), {"reason": "x"}),
        client.post(reverse("partnerships:edit_letter", args=[partnership_a.pk]), {}),
    ]
    assert {r.status_code for r in responses} == {404 if persona == "outsider" else 403}
    partnership_a.refresh_from_db()
    assert partnership_a.current_step_id == 1
    assert not ChecklistItem.objects.filter(
        partnership=partnership_a, done_on__isnull=False
    ).exists()


def test_anonymous_visitors_are_sent_to_the_login(client, partnership_a):
    response = client.get(reverse("partnerships:plan", args=[partnership_a.pk]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
