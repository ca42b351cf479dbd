"""For an event's topic (step, sector), suggest ervaringsdeskundigen from proeftuinen that
completed that step; the team adds one with a click."""

from datetime import date

import pytest

from inkoopkracht.events import services
from inkoopkracht.events.matching import partnerships_without_speaker, suggest_speakers
from inkoopkracht.partnerships import services as partnership_services
from inkoopkracht.partnerships.models import Partnership, Step
from inkoopkracht.partnerships.tests.factories import make_partnership

from .factories import make_event

pytestmark = pytest.mark.django_db


def _at_step(name, number, sector=Partnership.WorkSector.SCHOONMAAK, history=()):
    partnership = make_partnership(name=name, work_sector=sector)
    for step, on in (*history, (number, date(2026, 1, 1))):
        if step != partnership.current_step_id:
            partnership_services.change_step(
                partnership=partnership, step=Step.objects.get(number=step), by=None, on=on,
                reason="demo",
            )  # fmt: skip
    return partnership


def _speaker(name, partnership):
    return services.create_speaker(
        by=None, name=name, organisation=partnership.supplier, partnership=partnership
    )


@pytest.fixture
def field():
    ahead = _at_step("Voorop schoonmaak", 6)
    other_sector = _at_step("Voorop catering", 5, Partnership.WorkSector.CATERING)
    behind = _at_step("Achter", 3)
    went_back = _at_step("Terug", 2, history=[(5, date(2025, 6, 1))])
    no_speaker = _at_step("Zonder spreker", 7)
    return {
        "ahead": _speaker("Anna Ahead", ahead),
        "other": _speaker("Otto Other", other_sector),
        "behind": _speaker("Bert Behind", behind),
        "back": _speaker("Tess Terug", went_back),
        "no_speaker": no_speaker,
    }


def test_suggests_people_past_the_step_same_sector_first(field):
    event = make_event(topic_step=Step.objects.get(number=3), topic_sector="schoonmaak")
    suggestions = suggest_speakers(event)
    names = [s.speaker.name for s in suggestions]
    assert names == ["Anna Ahead", "Tess Terug", "Otto Other"]
    assert [s.same_sector for s in suggestions] == [True, True, False]
    terug = suggestions[1]
    assert terug.completed_on == date(2025, 6, 1)  # from the step history


def test_proeftuinen_without_a_speaker_are_listed(field):
    event = make_event(topic_step=Step.objects.get(number=3), topic_sector="schoonmaak")
    names = [str(s.partnership) for s in partnerships_without_speaker(event)]
    assert "Zonder spreker" in names
    assert "Achter" not in names


def test_no_topic_no_suggestions(field):
    assert suggest_speakers(make_event()) == []


def test_the_team_adds_a_suggested_speaker(client_for, programme_admin, coach, field):
    event = make_event(topic_step=Step.objects.get(number=3))
    url = f"/beheer/bijeenkomsten/sprekers/{event.pk}/"
    page = client_for(programme_admin).get(url).content.decode()
    assert "Anna Ahead" in page
    assert "Bert Behind" not in page
    client_for(programme_admin).post(url, {"spreker": field["ahead"].pk})
    assert list(event.speakers.all()) == [field["ahead"]]
    again = client_for(programme_admin).post(url, {"spreker": field["ahead"].pk}, follow=True)
    assert "Anna Ahead spreekt al op deze bijeenkomst." in again.content.decode()
    client_for(coach).post(url, {"spreker": field["other"].pk})  # coaches only look
    assert list(event.speakers.all()) == [field["ahead"]]
