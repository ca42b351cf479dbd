"""The pipeline: nieuw → in contact → intakegesprek gepland (→ on hold), with days in status."""

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.intake import services
from inkoopkracht.intake.models import Application

from .factories import make_application

pytestmark = pytest.mark.django_db
Status = Application.Status


def test_statuses_change_with_dates_notes_and_audit(programme_admin):
    application = make_application()
    assert application.status == Status.NEW
    services.change_status(application=application, status=Status.IN_CONTACT, by=programme_admin,
                           note="Gebeld met de inkoper.")  # fmt: skip
    services.change_status(
        application=application,
        status=Status.INTAKE_PLANNED,
        intake_on=date(2027, 2, 3),
        by=programme_admin,
    )
    application.refresh_from_db()
    assert application.status == Status.INTAKE_PLANNED
    assert application.intake_on == date(2027, 2, 3)
    assert application.notes.get().text == "Gebeld met de inkoper."
    changes = AuditRecord.objects.for_object(application).filter(
        action="application.status_changed"
    )
    assert [record.data["to"] for record in changes] == ["intake_gepland", "in_contact"]
    assert changes[0].actor == programme_admin


def test_days_in_the_current_status_count_from_the_last_change(programme_admin):
    application = make_application()
    later = timezone.now() + timedelta(days=4)
    with time_machine.travel(later, tick=False):
        assert application.days_in_status == 4
        services.change_status(application=application, status=Status.IN_CONTACT, by=None)
        assert application.days_in_status == 0
    with time_machine.travel(later + timedelta(days=2), tick=False):
        assert application.days_in_status == 2


@pytest.mark.parametrize(
    ("status", "kwargs", "message"),
    [
        (Status.INTAKE_PLANNED, {}, "Vul de datum van het intakegesprek in"),
        (Status.ON_HOLD, {}, "waarom de aanmelding on hold gaat"),
        (Status.NEW, {}, "De aanmelding heeft deze status al"),
        (Status.ACCEPTED, {}, "Accepteren en afwijzen gaan met de knoppen"),
        ("onzin", {}, "Accepteren en afwijzen gaan met de knoppen"),
    ],
)
def test_a_refused_status_change_changes_nothing(programme_admin, status, kwargs, message):
    application = make_application()
    before = AuditRecord.objects.count()
    with pytest.raises(services.IntakeError, match=message):
        services.change_status(application=application, status=status, by=programme_admin, **kwargs)
    application.refresh_from_db()
    assert application.status == Status.NEW
    assert AuditRecord.objects.count() == before


def test_a_decided_application_stays_decided(programme_admin):
    application = make_application()
    services.reject_application(
        application=application, by=programme_admin, reason="Geen contract", message="Helaas."
    )
    with pytest.raises(services.IntakeError, match="al besloten"):
        services.change_status(application=application, status=Status.IN_CONTACT, by=None)
    with pytest.raises(services.IntakeError, match="al besloten"):
        services.reject_application(application=application, by=None, reason="x", message="y")


def test_rescheduling_the_intake_keeps_the_status_date(programme_admin):
    application = make_application()
    services.change_status(
        application=application, status=Status.INTAKE_PLANNED, intake_on=date(2027, 1, 5), by=None
    )
    since = application.status_changed_at
    services.change_status(
        application=application, status=Status.INTAKE_PLANNED, intake_on=date(2027, 1, 9), by=None
    )
    application.refresh_from_db()
    assert application.intake_on == date(2027, 1, 9)
    assert application.status_changed_at == since


def test_only_programme_staff_can_own_an_application(programme_admin, buyer_member, coach):
    application = make_application()
    with pytest.raises(services.IntakeError, match="behandelaar"):
        services.assign_owner(application=application, owner=buyer_member, by=programme_admin)
    services.assign_owner(application=application, owner=coach, by=programme_admin)
    application.refresh_from_db()
    assert application.owner == coach
