"""Every proeftuin starts with the default checklist of data/step_checklist.csv; it is then
the proeftuin's own (existing proeftuinen got it through a data migration)."""

import pytest

from inkoopkracht.partnerships.models import ChecklistItem
from inkoopkracht.partnerships.reference import add_default_checklist, default_checklist
from inkoopkracht.partnerships.tests.factories import make_partnership

pytestmark = pytest.mark.django_db


def test_every_step_has_default_points_in_dutch():
    steps = {item.step for item in default_checklist()}
    assert steps == set(range(1, 10))
    assert any(item.text == "De intentieverklaring is ondertekend" for item in default_checklist())


def test_a_new_proeftuin_gets_a_copy_of_the_defaults():
    partnership = make_partnership()
    items = ChecklistItem.objects.filter(partnership=partnership)
    assert items.count() == len(default_checklist())
    assert set(items.values_list("default_code", flat=True)) == {
        item.code for item in default_checklist()
    }
    assert not items.filter(done_on__isnull=False).exists()


def test_copying_the_defaults_again_adds_nothing():
    partnership = make_partnership()
    assert add_default_checklist(partnership, ChecklistItem) == 0
    partnership.checklist_items.filter(default_code="werk-jobcarving").delete()
    assert add_default_checklist(partnership, ChecklistItem) == 1


def test_a_proeftuin_created_in_the_back_office_gets_the_defaults(client_for, programme_admin):
    from inkoopkracht.partnerships.models import Partnership
    from inkoopkracht.partnerships.tests.factories import make_buyer, make_organisation
    from inkoopkracht.partnerships.tests.test_back_office_bad_input import partnership_form

    client = client_for(programme_admin)
    response = client.post(
        "/beheer/proeftuinen/new/", partnership_form(make_buyer(), make_organisation())
    )
    assert response.status_code == 302
    partnership = Partnership.objects.get()
    assert partnership.checklist_items.count() == len(default_checklist())
