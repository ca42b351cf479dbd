"""A member of a proeftuin shares a lesson from Mijn proeftuin; it waits for moderation."""

import pytest
from wagtail.models import WorkflowState

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.knowledge.models import Lesson

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "kind": "goede_praktijk",
        "title": "Jobcoach vanaf de eerste werkdag",
        "text": "Een jobcoach op de eerste werkdag voorkwam veel onzekerheid bij iedereen.",
        "step": "3",
        "sector": "schoonmaak",
        "route": "bestaand_contract",
        "name_partnership": "on",
    }
    data.update(overrides)
    return data


def url(partnership):
    return f"/mijn/proeftuinen/{partnership.pk}/les-delen/"


def test_form_starts_from_the_proeftuins_current_step_and_sector(
    client_for, supplier_member, partnership_a
):
    html = client_for(supplier_member).get(url(partnership_a)).content.decode()
    assert '<option value="1" selected>' in html
    assert 'value="schoonmaak" checked' in html or '<option value="schoonmaak" selected>' in html


def test_supplier_member_submits_a_lesson(client_for, supplier_member, partnership_a, mailoutbox):
    client = client_for(supplier_member)
    response = client.post(url(partnership_a), form_data())
    assert response.status_code == 302
    assert response["Location"] == "/mijn/lessen/"
    lesson = Lesson.objects.get()
    assert lesson.partnership == partnership_a
    assert lesson.submitted_by == supplier_member
    assert lesson.status == Lesson.Status.IN_REVIEW
    assert lesson.name_partnership is True
    assert lesson.live is False
    assert lesson.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert AuditRecord.objects.filter(action="lesson.submitted", target_id=str(lesson.pk)).exists()
    mine = client.get("/mijn/lessen/").content.decode()
    assert "Jobcoach vanaf de eerste werkdag" in mine
    assert "In beoordeling" in mine


def test_submitted_lesson_is_not_public_yet(client_for, client, supplier_member, partnership_a):
    client_for(supplier_member).post(url(partnership_a), form_data())
    lesson = Lesson.objects.get()
    client.logout()
    assert client.get(f"/lessen/{lesson.pk}/").status_code == 404
    assert "Jobcoach vanaf de eerste werkdag" not in client.get("/lessen/").content.decode()


def test_buyer_member_may_share_too(client_for, buyer_member, partnership_a):
    response = client_for(buyer_member).post(url(partnership_a), form_data())
    assert response.status_code == 302
    assert Lesson.objects.get().submitted_by == buyer_member


def test_the_team_is_told_that_a_lesson_waits(
    client_for, supplier_member, partnership_a, programme_admin, mailoutbox
):
    client_for(supplier_member).post(url(partnership_a), form_data())
    assert [programme_admin.email] in [message.to for message in mailoutbox]
    assert supplier_member.email not in {
        address for message in mailoutbox for address in message.to
    }
