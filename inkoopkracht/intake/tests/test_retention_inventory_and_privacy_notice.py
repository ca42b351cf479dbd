"""Every personal field of the intake has a retention period in the data, shown to the public."""

import pytest

from inkoopkracht.intake import retention

EXPECTED_DAYS = {
    "application_rejected": 365,
    "application_on_hold": 730,
    "application_accepted_contacts": 365,
    "information_request": 180,
    "guide_order_address": 90,
    "submission_attempt": 1,
}


def test_the_inventory_has_a_period_and_a_public_label_for_every_rule():
    assert {key: rule.days for key, rule in retention.rules().items()} == EXPECTED_DAYS
    assert set(retention.LABELS) == set(retention.rules())


@pytest.mark.django_db
def test_the_privacy_notice_lists_the_periods(client):
    html = client.get("/aanmelden/privacy/").content.decode()
    assert "Bestelling gedrukte handreiking" in html
    assert '<td class="number">90</td>' in html
    assert '<td class="number">365</td>' in html
    assert "programmateam@inkoopkracht.example" in html


@pytest.mark.django_db
def test_the_public_forms_link_to_the_privacy_notice_and_the_menus(client):
    for url in ("/aanmelden/?als=samen", "/aanvragen/", "/aanvragen/handreiking/"):
        html = client.get(url).content.decode()
        assert 'href="/aanmelden/privacy/"' in html
        assert '<a href="/aanmelden/"' in html  # the public menu entry
        assert '<a href="/aanvragen/">Informatie aanvragen</a>' in html  # footer
