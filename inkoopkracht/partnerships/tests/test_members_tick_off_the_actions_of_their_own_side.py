"""Actions have an owner (a party of the proeftuin). Members tick off their own side's actions
only; the other side's action gets a Dutch refusal and stays as it was."""

import pytest
from django.urls import reverse

from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.models import ActionItem, PartnershipParty
from inkoopkracht.partnerships.tests.factories import (
    make_action,
    make_member,
    make_organisation,
)

pytestmark = pytest.mark.django_db


def tick(client, action, done="1", htmx=False):
    url = reverse("partnerships:complete_action", args=[action.partnership_id, action.pk])
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(url, {"done": done}, headers=headers)


def test_buyer_member_ticks_off_a_buyer_action(client_for, buyer_member, partnership_a):
    action = make_action(partnership=partnership_a, side="buyer")
    response = tick(client_for(buyer_member), action)
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionItem.Status.DONE
    assert action.completed_by == buyer_member
    tick(client_for(buyer_member), action, done="0")
    action.refresh_from_db()
    assert action.status == ActionItem.Status.OPEN
    assert action.completed_on is None


def test_the_other_sides_action_is_refused_and_unchanged(client_for, buyer_member, partnership_a):
    action = make_action(partnership=partnership_a, side="supplier")
    response = tick(client_for(buyer_member), action)
    assert response.status_code == 403
    html = response.content.decode()
    assert "U kunt alleen acties van uw eigen organisatie afvinken." in html
    assert partnership_a.supplier.name in html
    action.refresh_from_db()
    assert action.status == ActionItem.Status.OPEN


def test_members_do_not_tick_off_the_programme_teams_actions(
    client_for, supplier_member, partnership_a
):
    action = make_action(partnership=partnership_a, side="programme")
    assert tick(client_for(supplier_member), action).status_code == 403
    action.refresh_from_db()
    assert action.status == ActionItem.Status.OPEN


def test_a_party_member_ticks_off_only_their_own_partys_actions(client_for, partnership_a):
    sw = make_organisation(kind=Organisation.Kind.SW_COMPANY)
    wsp = make_organisation(kind=Organisation.Kind.EMPLOYER_SERVICE_POINT)
    own = PartnershipParty.objects.create(
        partnership=partnership_a, organisation=sw, role="sw_bedrijf"
    )
    other = PartnershipParty.objects.create(
        partnership=partnership_a, organisation=wsp, role="werkgeversservicepunt"
    )
    client = client_for(make_member(organisation=sw))
    mine = make_action(partnership=partnership_a, side="party", party=own)
    theirs = make_action(partnership=partnership_a, side="party", party=other)
    assert tick(client, mine).status_code == 302
    assert tick(client, theirs).status_code == 403
    assert ActionItem.objects.get(pk=mine.pk).status == ActionItem.Status.DONE
    assert ActionItem.objects.get(pk=theirs.pk).status == ActionItem.Status.OPEN


def test_the_actions_page_offers_a_tick_box_only_for_own_actions(
    client_for, supplier_member, partnership_a
):
    own = make_action(partnership=partnership_a, side="supplier")
    other = make_action(partnership=partnership_a, side="buyer")
    page = client_for(supplier_member).get(reverse("partnerships:actions", args=[partnership_a.pk]))
    html = page.content.decode()
    assert f'id="vink-actie-{own.pk}"' in html
    assert f'id="vink-actie-{other.pk}"' not in html
    assert "Actie toevoegen" not in html


def test_ticking_with_htmx_returns_the_row(client_for, supplier_member, partnership_a):
    action = make_action(partnership=partnership_a, side="supplier")
    response = tick(client_for(supplier_member), action, htmx=True)
    html = response.content.decode().strip()
    assert html.startswith(f'<tr id="actie-{action.pk}"')
    assert 'aria-pressed="true"' in html


def test_the_coach_ticks_off_any_action_and_a_cancelled_one_stays(client_for, coach, partnership_a):
    from inkoopkracht.partnerships.services import PartnershipError, coaching
    from inkoopkracht.partnerships.services.coaching import Owner

    action = make_action(partnership=partnership_a, side="buyer")
    assert tick(client_for(coach), action).status_code == 302
    cancelled = make_action(partnership=partnership_a, side="buyer")
    coaching.change_action(
        action=cancelled,
        by=coach,
        description=cancelled.description,
        owner=Owner("buyer"),
        due_on=cancelled.due_on,
        status=ActionItem.Status.CANCELLED,
    )
    with pytest.raises(PartnershipError, match="vervallen"):
        coaching.complete_action(action=cancelled, by=coach)


def test_coach_adds_an_action_with_an_owner(client_for, coach, partnership_a):
    response = client_for(coach).post(
        reverse("partnerships:add_action", args=[partnership_a.pk]),
        {"description": "Takenlijst opstellen", "owner": "buyer", "due_on": "2026-12-01"},
    )
    assert response.status_code == 302
    action = ActionItem.objects.get()
    assert action.owner_side == "buyer"
    assert action.owner_label == partnership_a.buyer.name


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"owner": ""}, "Kies wie deze actie uitvoert"),
        ({"owner": "party:99999"}, "Kies een partij die in deze proeftuin meedoet."),
        ({"description": ""}, "Beschrijf de actie."),
        ({"due_on": ""}, "Vul in wanneer de actie klaar moet zijn."),
    ],
)
def test_an_action_without_owner_or_date_is_refused(
    client_for, coach, partnership_a, data, message
):
    post = {"description": "Takenlijst opstellen", "owner": "buyer", "due_on": "2026-12-01"} | data
    response = client_for(coach).post(
        reverse("partnerships:add_action", args=[partnership_a.pk]), post
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ActionItem.objects.exists()


def test_the_service_refuses_an_action_without_owner(partnership_a):
    from django.core.exceptions import ValidationError

    from inkoopkracht.partnerships.services import coaching

    with pytest.raises(ValidationError) as error:
        coaching.create_action(
            partnership=partnership_a, by=None, description="x", owner=None, due_on=None
        )
    assert set(error.value.message_dict) == {"owner", "due_on"}
