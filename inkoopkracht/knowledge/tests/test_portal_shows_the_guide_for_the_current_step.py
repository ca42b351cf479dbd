"""Mijn proeftuin: the current step links to and summarises its guide page and its lessons."""

import pytest

from .factories import make_published_lesson

pytestmark = pytest.mark.django_db


def test_panel_summarises_the_current_steps_guide_page(
    client_for, guide, buyer_member, partnership_a
):
    html = client_for(buyer_member).get(f"/mijn/proeftuinen/{partnership_a.pk}/").content.decode()
    assert "De handreiking bij stap 1" in html
    assert "Samenvatting van stap 1." in html
    assert 'href="/handreiking/stap-1/"' in html
    assert f'href="/mijn/proeftuinen/{partnership_a.pk}/les-delen/"' in html


def test_panel_lists_lessons_of_the_step(
    client_for, guide, supplier_member, buyer_member, partnership_a, programme_admin
):
    make_published_lesson(
        partnership_a, supplier_member, programme_admin, title="Les over verkennen"
    )
    html = client_for(buyer_member).get(f"/mijn/proeftuinen/{partnership_a.pk}/").content.decode()
    assert "Les over verkennen" in html


def test_panel_without_a_guide_page_shows_the_step_description(
    client_for, buyer_member, partnership_a
):
    html = client_for(buyer_member).get(f"/mijn/proeftuinen/{partnership_a.pk}/").content.decode()
    assert "De handreiking bij stap 1" in html
    assert partnership_a.current_step.description_nl in html
