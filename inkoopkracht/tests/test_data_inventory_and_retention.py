"""Every personal field is in the data inventory, and a periodic job enforces its retention."""

from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.db import models
from django.utils import timezone

from inkoopkracht.lib.periodic import discover
from inkoopkracht.lib.retention import inventory

# Field names that hold data about a person wherever they occur ("name" alone usually names an
# organisation or an event, so it counts only for models listed with a personal "name").
PERSONAL_FIELDS = {"first_name", "last_name", "full_name", "phone", "address", "postcode"}
PERSONAL_SUFFIXES = ("_name", "_email", "_phone", "_address", "_postcode")
NOT_PERSONAL = {"name_nl", "name_en", "file_name", "site_name"}


def _our_models():
    for model in apps.get_models():
        if model.__module__.startswith("inkoopkracht."):
            yield model


def _looks_personal(field) -> bool:
    if isinstance(field, models.EmailField | models.GenericIPAddressField):
        return True
    if field.name in NOT_PERSONAL:
        return False
    return field.name in PERSONAL_FIELDS or field.name.endswith(PERSONAL_SUFFIXES)


def test_every_personal_field_is_in_the_inventory():
    listed = {(row.model, row.field) for row in inventory()}
    missing = [
        f"{model._meta.label}.{field.name}"
        for model in _our_models()
        for field in model._meta.get_fields()
        if getattr(field, "concrete", False)
        and _looks_personal(field)
        and (model._meta.label, field.name) not in listed
    ]
    assert missing == [], "Add these to inkoopkracht/data/data_inventory.csv: " + ", ".join(missing)


def test_every_inventory_row_names_a_real_field_and_a_periodic_job():
    jobs = discover()
    for row in inventory():
        model = apps.get_model(row.model)
        model._meta.get_field(row.field)
        assert row.retention_days, row
        assert row.enforced_by in jobs, f"{row.enforced_by} is not a @periodic job"


@pytest.mark.django_db
def test_old_audit_records_and_stale_contacts_are_purged():
    from inkoopkracht.audit.models import AuditRecord
    from inkoopkracht.audit.tasks import purge_old_records
    from inkoopkracht.organisations import services
    from inkoopkracht.organisations.tasks import purge_stale_contacts
    from inkoopkracht.partnerships.tests.factories import make_organisation, make_partnership

    long_ago = timezone.now() - timedelta(days=6 * 365)
    with time_machine.travel(long_ago, tick=False):
        lonely = make_organisation(name="Nooit deelgenomen")
        services.add_contact(
            organisation=lonely, by=None, name="Oud Contact", email="oud@x.example"
        )
        running = make_partnership()
        services.add_contact(
            organisation=running.supplier, by=None, name="Actief Contact", email="a@x.example"
        )
    recent = make_organisation(name="Net aangemeld")
    services.add_contact(organisation=recent, by=None, name="Nieuw Contact", email="n@x.example")

    assert purge_stale_contacts.call() == 1
    assert not lonely.contacts.exists()
    assert running.supplier.contacts.filter(name="Actief Contact").exists()
    assert recent.contacts.exists()

    assert purge_old_records.call() > 0
    assert not AuditRecord.objects.filter(
        created_at__lt=timezone.now() - timedelta(days=1826)
    ).exists()


@pytest.mark.django_db
def test_blocked_accounts_are_anonymised_after_their_retention():
    from inkoopkracht.accounts import services
    from inkoopkracht.accounts.tasks import purge_inactive_users
    from inkoopkracht.partnerships.tests.factories import make_user

    user = make_user(email="weg@x.example")
    services.deactivate(user=user, by=None)
    assert purge_inactive_users.call() == 0
    with time_machine.travel(timezone.now() + timedelta(days=800), tick=False):
        assert purge_inactive_users.call() == 1
    user.refresh_from_db()
    assert user.email.startswith("verwijderd-")
    assert user.first_name == ""


def test_intake_inventory_agrees_with_the_intake_retention_table():
    """Intake keeps its periods per record in data/retention_intake.csv; the inventory must agree."""
    from inkoopkracht.lib.constants import read_csv

    days = {row["key"]: int(row["retention_days"]) for row in read_csv("retention_intake.csv")}
    expected = {
        "intake.ApplicationParty": days["application_rejected"],
        "intake.InformationRequest": days["information_request"],
        "intake.GuideOrder": days["guide_order_address"],
        "intake.SubmissionAttempt": days["submission_attempt"],
    }
    for row in inventory():
        if row.model in expected:
            assert row.retention_days == expected[row.model], row
