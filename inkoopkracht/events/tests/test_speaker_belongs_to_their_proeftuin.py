"""An ervaringsdeskundige is linked to their proeftuin only through an organisation that takes
part in it."""

import pytest
from django.core.exceptions import ValidationError

from inkoopkracht.events import services
from inkoopkracht.partnerships.tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def test_the_speakers_organisation_must_take_part(partnership_a):
    with pytest.raises(ValidationError) as error:
        services.create_speaker(
            by=None, name="X", organisation=make_organisation(), partnership=partnership_a
        )
    assert "doet niet mee in deze proeftuin" in str(error.value)
    with pytest.raises(ValidationError, match="Kies de organisatie"):
        services.create_speaker(by=None, name="Y", partnership=partnership_a)


def test_a_speaker_from_outside_needs_no_proeftuin(partnership_a):
    speaker = services.create_speaker(by=None, name="Z", organisation_name="Jobcoach BV")
    assert speaker.organisation_label == "Jobcoach BV"
    inside = services.create_speaker(
        by=None, name="W", organisation=partnership_a.buyer, partnership=partnership_a
    )
    assert str(inside) == f"W ({partnership_a.buyer.name})"


def test_back_office_form_shows_the_error(client_for, programme_admin, partnership_a):
    response = client_for(programme_admin).post(
        "/beheer/ervaringsdeskundigen/new/",
        {"name": "Nieuw", "organisation": make_organisation().pk, "partnership": partnership_a.pk},
    )
    assert response.status_code == 200
    assert "doet niet mee in deze proeftuin" in response.content.decode()
