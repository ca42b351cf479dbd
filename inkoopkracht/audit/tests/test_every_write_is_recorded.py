"""Services leave an audit record: who, what, which object, when, result, origin."""

import pytest

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.partnerships import services
from inkoopkracht.partnerships.models import Partnership, Step
from inkoopkracht.partnerships.tests.factories import make_partnership

pytestmark = pytest.mark.django_db


def test_status_and_step_changes_are_recorded_with_actor_and_data(programme_admin):
    partnership = make_partnership()
    services.change_status(
        partnership=partnership, status=Partnership.Status.ACTIVE, by=programme_admin
    )
    services.change_step(
        partnership=partnership, step=Step.objects.get(number=2), by=programme_admin
    )
    records = AuditRecord.objects.for_object(partnership)
    assert [r.action for r in records][:2] == [
        "partnership.step_changed",
        "partnership.status_changed",
    ]
    step_record = records[0]
    assert step_record.actor == programme_admin
    assert step_record.actor_repr == programme_admin.email
    assert step_record.data == {"from": 1, "to": 2, "reason": ""}
    assert step_record.result == AuditRecord.Result.SUCCESS
    assert step_record.action_label == "Stap gewijzigd"


def test_a_refused_change_leaves_nothing_behind(programme_admin):
    partnership = make_partnership()
    before = AuditRecord.objects.count()
    with pytest.raises(services.PartnershipError):
        services.change_step(
            partnership=partnership, step=Step.objects.get(number=5), by=programme_admin
        )
    assert AuditRecord.objects.count() == before
    partnership.refresh_from_db()
    assert partnership.current_step_id == 1


def test_requests_record_their_origin(client_for, programme_admin):
    from inkoopkracht.organisations.models import Organisation

    client = client_for(programme_admin)
    client.post(
        "/beheer/cohorten/new/",
        {"number": "7", "name": "Cohort 7", "starts_on": "2027-01-01", "description": ""},
    )
    record = AuditRecord.objects.get(action="cohort.created")
    assert record.origin == "127.0.0.1"
    assert Organisation.objects.count() == 0


def test_the_audit_log_is_for_the_team_only(client_for, programme_admin, coach):
    assert client_for(programme_admin).get("/beheer/auditlog/").status_code == 200
    client_for(coach)
    assert client_for(coach).get("/beheer/auditlog/").status_code == 302
