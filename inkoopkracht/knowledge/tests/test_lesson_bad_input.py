"""Bad input when sharing a lesson: a Dutch message at the field, nothing saved, input kept."""

import pytest

from inkoopkracht.knowledge.models import Lesson

from .test_member_shares_a_lesson import form_data, url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "", "text": ""}, "Dit is een verplicht veld."),
        ({"text": "Te kort."}, "Beschrijf de les in minstens een paar zinnen"),
        ({"title": "T" * 151}, "niet meer dan 150 tekens"),
        ({"text": "x" * 3001}, "niet meer dan 3000 tekens"),
        ({"kind": "roddel"}, "Selecteer een geldige keuze."),
        ({"step": "12"}, "Selecteer een geldige keuze."),
        (
            {"text": "Onze medewerker met nummer 111222333 kreeg een vast contract."},
            "burgerservicenummer",
        ),
    ],
)
def test_bad_input_is_refused_with_a_dutch_message(
    client_for, supplier_member, partnership_a, overrides, message
):
    response = client_for(supplier_member).post(url(partnership_a), form_data(**overrides))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Controleer uw invoer" in html
    assert Lesson.objects.count() == 0


def test_what_was_typed_is_kept(client_for, supplier_member, partnership_a):
    data = form_data(text="Te kort.", title="Mijn titel blijft staan")
    html = client_for(supplier_member).post(url(partnership_a), data).content.decode()
    assert 'value="Mijn titel blijft staan"' in html
    assert "Te kort.</textarea>" in html


def test_html_and_script_are_shown_escaped_once_published(
    client_for, client, supplier_member, partnership_a, programme_admin
):
    from .factories import moderate

    script = "<script>alert('x')</script><b>vet</b>"
    client_for(supplier_member).post(
        url(partnership_a),
        form_data(title=f"Titel {script}", text=f"Een tekst met {script} erin, lang genoeg."),
    )
    moderate(Lesson.objects.get(), programme_admin, "approve")
    client.logout()
    for path in (f"/lessen/{Lesson.objects.get().pk}/", "/lessen/"):
        html = client.get(path).content.decode()
        assert "<script>alert" not in html
        assert "<b>vet</b>" not in html
        assert "&lt;script&gt;" in html
