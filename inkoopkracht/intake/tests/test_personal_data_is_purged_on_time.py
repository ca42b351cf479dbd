"""Retention: the periodic purge deletes or wipes personal data when its period is over.

Periods come from data/retention_intake.csv; time is faked with time_machine.
"""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.intake import retention, services
from inkoopkracht.intake.models import (
    Application,
    ApplicationParty,
    InformationRequest,
    SubmissionAttempt,
)
from inkoopkracht.lib.periodic import discover
from inkoopkracht.partnerships.tests.factories import make_cohort

from .factories import make_application

pytestmark = pytest.mark.django_db


def run_purge_on(day):
    """Run the periodic job as the scheduler would, at noon on ``day``."""
    moment = timezone.make_aware(datetime.combine(day, time(12, 0)))
    with time_machine.travel(moment, tick=False):
        discover()["intake.purge_personal_data"].enqueue()


def make_order():
    return services.submit_guide_order(
        client_address="192.0.2.1", name="Karin Smits", organisation="Gemeente Proef",
        email="karin@proef.example", copies=2, street="Raadhuisplein 2", postal_code="9351 GH",
        city="Leek",
    )  # fmt: skip


def test_postal_addresses_are_deleted_90_days_after_sending():
    assert retention.period("guide_order_address").days == 90  # the rule, from the data
    order = make_order()
    waiting = make_order()  # not sent: kept
    sent_on = timezone.localdate() - timedelta(days=1)
    services.mark_guide_orders_sent(orders=[order], by=None, on=sent_on)

    run_purge_on(sent_on + timedelta(days=89))
    order.refresh_from_db()
    assert order.street == "Raadhuisplein 2"
    assert order.address_purged_at is None

    run_purge_on(sent_on + timedelta(days=90))
    order.refresh_from_db()
    assert (order.name, order.email, order.street, order.postal_code, order.city) == ("",) * 5
    assert order.address_purged_at is not None
    assert (order.organisation, order.copies, order.sent_on) == ("Gemeente Proef", 2, sent_on)
    waiting.refresh_from_db()
    assert waiting.street == "Raadhuisplein 2"
    record = AuditRecord.objects.get(action="intake.personal_data_purged")
    assert record.data["guide_order_address"] == [order.pk]

    run_purge_on(sent_on + timedelta(days=91))  # idempotent: nothing more to do
    assert AuditRecord.objects.filter(action="intake.personal_data_purged").count() == 1


def test_applications_are_deleted_or_wiped_after_their_period(programme_admin, coach):
    rejected, accepted, on_hold, open_ = (make_application() for _n in range(4))
    services.reject_application(application=rejected, by=None, reason="x", message="y")
    services.accept_application(application=accepted, by=programme_admin, cohort=make_cohort(2),
                                coach=coach, message="Welkom")  # fmt: skip
    services.change_status(application=on_hold, status=Application.Status.ON_HOLD, by=None,
                           note="Wacht")  # fmt: skip
    today = timezone.localdate()

    run_purge_on(today + retention.period("application_rejected") - timedelta(days=1))
    assert Application.objects.count() == 4

    run_purge_on(today + retention.period("application_rejected"))
    assert not Application.objects.filter(pk=rejected.pk).exists()
    party = ApplicationParty.objects.filter(application=accepted).first()
    assert (party.contact_name, party.contact_email) == ("", "")
    assert party.organisation_name  # the application stays with its proeftuin
    accepted.refresh_from_db()
    assert accepted.contacts_purged_at is not None
    assert accepted.partnership.buyer.contacts.exists()  # the contacts live on in the register

    run_purge_on(today + retention.period("application_on_hold"))
    assert not Application.objects.filter(pk=on_hold.pk).exists()
    assert Application.objects.filter(pk=open_.pk).exists()  # undecided: kept


def test_answered_questions_and_old_attempts_are_deleted(programme_admin):
    request = services.submit_information_request(
        client_address="192.0.2.2", name="Linda", organisation="", email="linda@mail.example",
        phone="", topic="programma", question="Hoeveel proeftuinen zijn er?",
    )  # fmt: skip
    unanswered = services.submit_information_request(
        client_address="192.0.2.3", name="Youssef", organisation="", email="y@mail.example",
        phone="", topic="programma", question="Nog open?",
    )  # fmt: skip
    services.mark_answered(request=request, by=programme_admin)
    assert SubmissionAttempt.objects.count() == 2

    run_purge_on(timezone.localdate() + timedelta(days=2))
    assert not SubmissionAttempt.objects.exists()
    assert InformationRequest.objects.count() == 2

    run_purge_on(timezone.localdate() + retention.period("information_request") + timedelta(days=1))
    assert list(InformationRequest.objects.all()) == [unanswered]


def test_the_purge_is_a_registered_periodic_job():
    assert "intake.purge_personal_data" in discover()
