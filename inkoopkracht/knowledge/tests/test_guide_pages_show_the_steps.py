"""The guide online: an introduction and one page per step, built from blocks, in plan order."""

import pytest

from .factories import make_step_page

pytestmark = pytest.mark.django_db


def test_guide_index_lists_the_published_steps_in_order(client, guide):
    make_step_page(guide, 5, live=False)
    html = client.get("/handreiking/").content.decode()
    positions = [html.index(name) for name in ("Verkennen", "Kick-off", "Werk analyseren")]
    assert positions == sorted(positions)
    assert "Kandidaten werven" not in html  # a draft is not shown


def test_step_page_renders_every_block(client, guide):
    response = client.get("/handreiking/stap-2/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Stap 2 van 9" in html
    for text in (
        "Uitleg bij stap 2.",
        "Controlepunt 2a",
        "Tip bij stap 2: vraag een jobcoach.",
        "Valkuil bij stap 2.",
        "Praktijkvoorbeeld bij stap 2: een aangepaste werkplek.",
        "Lessen uit de proeftuinen",
    ):
        assert text in html


def test_step_page_links_to_its_neighbours(client, guide):
    html = client.get("/handreiking/stap-2/").content.decode()
    assert 'rel="prev"' in html
    assert "/handreiking/stap-1/" in html
    assert 'rel="next"' in html
    assert "/handreiking/stap-3/" in html
    assert 'aria-current="page"' in html


@pytest.mark.parametrize("path", ["/handreiking/", "/handreiking/stap-1/"])
def test_every_guide_page_offers_the_pdf_and_a_printed_copy(client, guide, path):
    html = client.get(path).content.decode()
    assert 'href="/handreiking.pdf"' in html
    assert 'href="/aanvragen/handreiking/"' in html
    assert 'role="search"' in html


def test_draft_step_is_not_public(client, guide):
    make_step_page(guide, 4, live=False)
    assert client.get("/handreiking/stap-4/").status_code == 404


def test_step_page_has_a_fixed_number_of_queries(client, guide, django_assert_max_num_queries):
    client.get("/handreiking/stap-2/")
    with django_assert_max_num_queries(14):
        client.get("/handreiking/stap-2/")
