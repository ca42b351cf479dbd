"""A coach ticks, adds, rewords and removes checklist points, and moves the proeftuin to the
next step; with open points that needs a reason."""

import pytest
from django.urls import reverse

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.partnerships.models import ChecklistItem, StepChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client_for, coach):
    return client_for(coach)


def point(partnership, code):
    return ChecklistItem.objects.get(partnership=partnership, default_code=code)


def test_plan_page_shows_every_step_and_its_checklist(client, partnership_a):
    page = client.get(reverse("partnerships:plan", args=[partnership_a.pk])).content.decode()
    assert "Stap 1 van 9: Verkennen en committeren" in page
    assert "De intentieverklaring is ondertekend" in page
    assert "Naar stap 2" in page


def test_ticking_a_point_off_and_on_again(client, coach, partnership_a):
    item = point(partnership_a, "verkennen-contract")
    url = reverse("partnerships:check_item", args=[partnership_a.pk, item.pk])
    response = client.post(url, {"done": "1"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.is_done
    assert item.done_by == coach
    client.post(url, {"done": "0"})
    item.refresh_from_db()
    assert not item.is_done
    assert AuditRecord.objects.filter(action="checklist.item_unchecked").exists()


def test_ticking_with_htmx_returns_only_the_point(client, partnership_a):
    item = point(partnership_a, "verkennen-contract")
    url = reverse("partnerships:check_item", args=[partnership_a.pk, item.pk])
    response = client.post(url, {"done": "1"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith(f'<li id="punt-{item.pk}"')
    assert 'aria-pressed="true"' in html
    assert "<html" not in html


def test_adding_rewording_and_removing_a_point(client, partnership_a):
    add = reverse("partnerships:add_item", args=[partnership_a.pk, 3])
    response = client.post(add, {"text": "  Stapelbaan met het groencontract bekijken  "})
    assert response.status_code == 302
    item = partnership_a.checklist_items.get(text="Stapelbaan met het groencontract bekijken")
    assert item.step_id == 3
    assert item.default_code == ""
    edit = reverse("partnerships:edit_item", args=[partnership_a.pk, item.pk])
    client.post(edit, {"text": "Stapelbaan met groen en post bekijken"})
    item.refresh_from_db()
    assert item.text == "Stapelbaan met groen en post bekijken"
    client.post(edit, {"text": item.text, "verwijderen": "1"})
    assert not ChecklistItem.objects.filter(pk=item.pk).exists()
    assert AuditRecord.objects.filter(action="checklist.item_removed").exists()


def test_an_empty_point_is_refused(client, partnership_a):
    count = partnership_a.checklist_items.count()
    add = reverse("partnerships:add_item", args=[partnership_a.pk, 3])
    response = client.post(add, {"text": "   "})
    assert response.status_code == 200
    assert "Vul in wat er gedaan moet worden." in response.content.decode()
    assert partnership_a.checklist_items.count() == count


def test_moving_on_with_open_points_needs_a_reason(client, partnership_a):
    url = reverse("partnerships:advance", args=[partnership_a.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert "Er staan nog 4 punten open in deze stap" in response.content.decode()
    partnership_a.refresh_from_db()
    assert partnership_a.current_step_id == 1

    response = client.post(url, {"reason": "Draagvlak is er, formeel besluit volgt"})
    assert response.status_code == 302
    partnership_a.refresh_from_db()
    assert partnership_a.current_step_id == 2
    change = StepChange.objects.filter(partnership=partnership_a, step=2).get()
    assert change.reason == "Draagvlak is er, formeel besluit volgt"


def test_moving_on_when_every_point_is_ticked_needs_no_reason(client, coach, partnership_a):
    from inkoopkracht.partnerships.services import plan

    for item in partnership_a.checklist_items.filter(step=1):
        plan.check_item(item=item, done=True, by=coach)
    response = client.post(reverse("partnerships:advance", args=[partnership_a.pk]), {})
    assert response.status_code == 302
    partnership_a.refresh_from_db()
    assert partnership_a.current_step_id == 2
