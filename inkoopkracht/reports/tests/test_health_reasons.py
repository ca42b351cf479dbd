"""The health overview gives each proeftuin a status with the reasons in words; closed
proeftuinen are never red; the limits come from settings and data."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from inkoopkracht.events.participation import Participation
from inkoopkracht.monitoring.glidepath import GlidePathStatus, Rag
from inkoopkracht.partnerships import services
from inkoopkracht.partnerships.models import Partnership, Step
from inkoopkracht.partnerships.tests.factories import make_action, make_partnership, make_session
from inkoopkracht.reports import health
from inkoopkracht.reports.health import Health, HealthRow, health_rows, judge

TODAY = date(2026, 6, 1)


def participation(events=2, buyer=2, supplier=2, expected="2"):
    return Participation(1, events, buyer, supplier, 0, events, Decimal(expected))


def row(status=Partnership.Status.ACTIVE, step=3, **indicators) -> HealthRow:
    partnership = Partnership(status=status, current_step_id=step, name="Proeftuin")
    values = {
        "glide": GlidePathStatus(Rag.GREEN, share=Decimal("1")),
        "overdue_actions": 0,
        "last_coaching_on": TODAY - timedelta(days=10),
        "days_since_coaching": 10,
        "participation": participation(),
        "days_in_step": 10,
    }
    values.update(indicators)
    return judge(HealthRow(partnership=partnership, **values))


def test_all_well_is_green():
    result = row()
    assert result.status == Health.GREEN
    assert result.reasons == []


@pytest.mark.parametrize(
    ("indicators", "status", "text"),
    [
        ({"glide": GlidePathStatus(Rag.RED, share=Decimal("0.5"))}, Health.RED,
         "Loopt ver achter op glijpad (50% van de planning)"),
        ({"glide": GlidePathStatus(Rag.AMBER, share=Decimal("0.8"))}, Health.AMBER,
         "Loopt achter op glijpad (80% van de planning)"),
        ({"overdue_actions": 1}, Health.AMBER, "1 actie over tijd"),
        ({"overdue_actions": 3}, Health.RED, "3 acties over tijd"),
        ({"days_since_coaching": 112}, Health.AMBER, "112 dagen geen coachingscontact"),
        ({"days_since_coaching": 200}, Health.RED, "200 dagen geen coachingscontact"),
        ({"days_since_coaching": 95, "last_coaching_on": None}, Health.AMBER,
         "Nog geen coachingscontact, 95 dagen na de start"),
        ({"participation": participation(0, 0, 0)}, Health.AMBER,
         "Neemt niet deel aan bijeenkomsten"),
        ({"participation": participation(1, 1, 1)}, Health.AMBER,
         "Neemt minder deel aan bijeenkomsten dan verwacht (1 van 2)"),
        ({"participation": participation(2, 0, 2)}, Health.AMBER,
         "Alleen de leverancier neemt deel aan bijeenkomsten"),
        ({"days_in_step": 130}, Health.AMBER, "130 dagen in stap 3"),
        ({"days_in_step": 250}, Health.RED, "250 dagen in stap 3"),
    ],
)  # fmt: skip
def test_each_reason_sets_the_status_and_says_why(indicators, status, text):
    result = row(**indicators)
    assert result.status == status
    assert [reason.text for reason in result.reasons] == [text]


def test_worst_reason_first_and_the_status_is_the_worst():
    result = row(overdue_actions=1, days_in_step=300)
    assert result.status == Health.RED
    assert [r.text for r in result.reasons] == ["300 dagen in stap 3", "1 actie over tijd"]


def test_steps_without_a_duration_limit_are_not_judged_on_duration():
    assert row(step=6, days_in_step=2000).status == Health.GREEN


def test_a_proeftuin_that_just_started_is_not_judged_on_participation():
    assert row(participation=participation(0, 0, 0, expected="0.3")).status == Health.GREEN


@pytest.mark.parametrize("status", [Partnership.Status.COMPLETED, Partnership.Status.STOPPED])
def test_closed_proeftuinen_are_never_red(status):
    result = row(status=status, overdue_actions=9, days_since_coaching=900, days_in_step=900,
                 glide=GlidePathStatus(Rag.RED, share=Decimal("0.1")))  # fmt: skip
    assert result.status == Health.CLOSED
    assert not result.needs_attention
    assert "Afgesloten" in result.reason_text


def test_applied_proeftuinen_are_not_judged_yet():
    result = row(status=Partnership.Status.APPLIED, overdue_actions=9)
    assert result.status == Health.APPLIED
    assert "nog niet gestart" in result.reason_text


def test_paused_proeftuinen_are_amber_at_most_and_say_so():
    result = row(status=Partnership.Status.PAUSED, overdue_actions=9, days_in_step=900)
    assert result.status == Health.AMBER
    texts = [r.text for r in result.reasons]
    assert texts[0].startswith("Gepauzeerd")
    assert "9 acties over tijd" in texts
    assert not any("in stap" in text for text in texts)


def test_thresholds_come_from_settings(settings):
    settings.HEALTH_COACHING_AMBER_DAYS = 5
    settings.HEALTH_COACHING_RED_DAYS = 8
    settings.HEALTH_OVERDUE_ACTIONS_RED = 1
    assert row(days_since_coaching=6).status == Health.AMBER
    assert row(days_since_coaching=9).status == Health.RED
    assert row(overdue_actions=1).status == Health.RED


def test_step_limits_come_from_the_data_file(tmp_path, monkeypatch):
    data = tmp_path / "steps.csv"
    data.write_text("step,amber_days,red_days,status,source\n3,5,8,estimate,test\n")
    monkeypatch.setattr(health, "STEP_DAYS_FILE", data)
    health.step_limits.cache_clear()
    try:
        assert row(days_in_step=6).status == Health.AMBER
        assert row(days_in_step=8).status == Health.RED
        assert row(step=2, days_in_step=800).status == Health.GREEN  # no limit for step 2
    finally:
        health.step_limits.cache_clear()


@pytest.mark.django_db
def test_rows_from_the_database():
    active = Partnership.Status.ACTIVE
    late = make_partnership(name="Achter", status=active, on=date(2025, 1, 1))
    step = Step.objects.get(number=3)
    services.change_step(partnership=late, step=step, by=None, on=TODAY - timedelta(days=365),
                         reason="Stap 2 al gedaan")  # fmt: skip
    for days in (1, 2, 3):
        make_action(partnership=late, due_on=TODAY - timedelta(days=days))
    make_session(partnership=late, held_on=TODAY - timedelta(days=112))
    stopped = make_partnership(name="Gestopt", status=active, on=date(2025, 1, 1))
    services.change_status(partnership=stopped, status=Partnership.Status.STOPPED, by=None,
                           on=date(2026, 1, 1), reason="Geen capaciteit")  # fmt: skip
    rows = {r.partnership.name: r for r in health_rows(Partnership.objects.all(), today=TODAY)}
    assert rows["Achter"].status == Health.RED
    texts = rows["Achter"].reason_text
    assert "3 acties over tijd" in texts
    assert "112 dagen geen coachingscontact" in texts
    assert "365 dagen in stap 3" in texts
    assert rows["Gestopt"].status == Health.CLOSED
