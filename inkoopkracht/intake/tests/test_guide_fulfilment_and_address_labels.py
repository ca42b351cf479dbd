"""Fulfilment of guide orders: te versturen → verstuurd, and address labels as safe CSV."""

import csv
import io

import pytest

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.intake import services
from inkoopkracht.intake.exports import safe_cell
from inkoopkracht.intake.models import GuideOrder

pytestmark = pytest.mark.django_db
FULFILMENT = "/beheer/handreiking-bestellingen/versturen/"
LABELS = "/beheer/handreiking-bestellingen/adresetiketten.csv"


def make_order(**overrides):
    data = {"name": "Wim Peters", "organisation": "Scholengroep", "email": "wim@school.example",
            "copies": 2, "street": "Schoolweg 8", "postal_code": "9401 EF", "city": "Assen"}  # fmt: skip
    data.update(overrides)
    return services.submit_guide_order(client_address=data["organisation"], **data)


@pytest.fixture
def admin_client(client_for, programme_admin):
    return client_for(programme_admin)


def test_the_team_marks_orders_sent(admin_client, django_assert_max_num_queries):
    first, second = make_order(organisation="Eerste"), make_order(organisation="Tweede")
    for n in range(10):
        make_order(organisation=f"Extra {n}")
    with django_assert_max_num_queries(20):
        page = admin_client.get(FULFILMENT).content.decode()
    assert "Te versturen" in page
    assert f'value="{first.pk}"' in page
    response = admin_client.post(FULFILMENT, {"bestelling": [first.pk, second.pk]})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == GuideOrder.Status.SENT
    assert first.sent_on is not None
    assert AuditRecord.objects.filter(action="guide_order.sent").count() == 2
    page = admin_client.get(FULFILMENT).content.decode()
    assert "2 bestellingen verstuurd" in page
    assert "(gepland)" in page


def test_marking_nothing_or_twice_is_refused(admin_client):
    order = make_order()
    admin_client.post(FULFILMENT, {"bestelling": [order.pk]})
    response = admin_client.post(FULFILMENT, {"bestelling": []}, follow=True)
    assert "Kies de bestellingen die verstuurd zijn" in response.content.decode()
    with pytest.raises(services.IntakeError, match="al verstuurd"):
        services.mark_guide_orders_sent(orders=[order], by=None)


def test_address_labels_are_exported_safely_and_the_read_is_logged(admin_client, programme_admin):
    make_order(name="=HYPERLINK(\"http://evil.example\")", organisation="+Plus BV",
               street="@Straat 1", city="-Stad")  # fmt: skip
    make_order(organisation="Normaal", postal_code="1011 AB")
    sent = make_order(organisation="Al weg")
    services.mark_guide_orders_sent(orders=[sent], by=None)

    response = admin_client.get(LABELS)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == [
        "Naam",
        "Organisatie",
        "Straat en huisnummer",
        "Postcode",
        "Plaats",
        "Aantal",
    ]
    assert rows[1] == ["Wim Peters", "Normaal", "Schoolweg 8", "1011 AB", "Assen", "2"]
    assert rows[2][0] == '\'=HYPERLINK("http://evil.example")'
    assert rows[2][1] == "'+Plus BV"
    assert rows[2][2] == "'@Straat 1"
    assert rows[2][4] == "'-Stad"
    assert len(rows) == 3  # the order already sent is not on the labels
    record = AuditRecord.objects.get(action="guide_order.exported")
    assert record.kind == AuditRecord.Kind.READ
    assert record.actor == programme_admin
    assert record.purpose == "adresetiketten"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("\t=x", "'\t=x"), ("\rx", "'\rx"), ("gewoon", "gewoon"), (None, ""),
     (3, "3"), ("a=b", "a=b")],
)  # fmt: skip
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected
