"""The programme team moderates lessons in the workflow: approve, reject with a reason, edit."""

import pytest
from django.urls import reverse

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.knowledge.models import Lesson, ModerationTask
from inkoopkracht.knowledge.models.workflow import RejectionForm

from .factories import moderate, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(partnership_a, supplier_member):
    return submit(partnership_a, supplier_member, title="Vaste werktijden helpen")


def test_approval_publishes_the_lesson_and_tells_the_submitter(
    lesson, programme_admin, supplier_member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderate(lesson, programme_admin, "approve")
    assert lesson.live is True
    assert lesson.status == Lesson.Status.PUBLISHED
    assert lesson.moderated_by == programme_admin
    record = AuditRecord.objects.get(action="lesson.published", target_id=str(lesson.pk))
    assert record.actor == programme_admin
    outcome = [m for m in mailoutbox if m.to == [supplier_member.email]]
    assert outcome
    assert "gepubliceerd" in outcome[0].subject
    assert f"/lessen/{lesson.pk}/" in outcome[0].body


def test_rejecting_requires_a_reason():
    task = ModerationTask()
    assert task.get_form_for_action("reject") is RejectionForm
    form = RejectionForm({"comment": "  "})
    assert not form.is_valid()
    assert "Geef een reden" in str(form.errors)


def test_rejection_keeps_the_reason_for_the_submitter(
    lesson,
    programme_admin,
    supplier_member,
    client_for,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        moderate(lesson, programme_admin, "reject", comment="Maak de les concreter, graag.")
    assert lesson.status == Lesson.Status.REJECTED
    assert lesson.rejection_reason == "Maak de les concreter, graag."
    assert lesson.live is False
    assert AuditRecord.objects.filter(action="lesson.rejected", actor=programme_admin).exists()
    message = next(m for m in mailoutbox if m.to == [supplier_member.email])
    assert "Maak de les concreter, graag." in message.body
    html = client_for(supplier_member).get("/mijn/lessen/").content.decode()
    assert "Afgewezen" in html
    assert "Maak de les concreter, graag." in html


def test_submitter_revises_a_rejected_lesson_and_it_returns_to_review(
    lesson, programme_admin, supplier_member, client_for
):
    moderate(lesson, programme_admin, "reject", comment="Noem de taken.")
    client = client_for(supplier_member)
    page = client.get(f"/mijn/lessen/{lesson.pk}/aanpassen/").content.decode()
    assert "Noem de taken." in page
    data = {
        "kind": "tip",
        "title": "Vaste werktijden helpen",
        "text": "Vaste werktijden van acht tot half twee gaven rust; het team plant eromheen.",
        "step": "6",
        "sector": "schoonmaak",
        "route": "bestaand_contract",
    }
    assert client.post(f"/mijn/lessen/{lesson.pk}/aanpassen/", data).status_code == 302
    lesson.refresh_from_db()
    assert lesson.status == Lesson.Status.IN_REVIEW
    assert lesson.rejection_reason == ""
    assert lesson.step_id == 6
    assert lesson.current_workflow_task_state is not None
    moderate(lesson, programme_admin, "approve")
    assert lesson.live
    assert lesson.step_id == 6


def test_a_lesson_in_review_cannot_be_revised(lesson, supplier_member, client_for):
    data = {
        "kind": "tip",
        "title": "Anders",
        "text": "Een andere tekst die lang genoeg is.",
        "step": "1",
        "sector": "schoonmaak",
        "route": "bestaand_contract",
    }
    html = (
        client_for(supplier_member)
        .post(f"/mijn/lessen/{lesson.pk}/aanpassen/", data)
        .content.decode()
    )
    assert "Alleen een afgewezen les" in html
    lesson.refresh_from_db()
    assert lesson.title == "Vaste werktijden helpen"


def test_team_sees_the_proeftuin_in_the_back_office(
    lesson, programme_admin, partnership_a, client_for
):
    client = client_for(programme_admin)
    listing = client.get(reverse("wagtailsnippets_knowledge_lesson:list")).content.decode()
    assert "Vaste werktijden helpen" in listing
    assert str(partnership_a) in listing
    edit = client.get(reverse("wagtailsnippets_knowledge_lesson:edit", args=[lesson.pk]))
    assert edit.status_code == 200
    assert str(partnership_a) in edit.content.decode()


def test_team_approves_in_the_back_office(lesson, programme_admin, client_for):
    task_state = lesson.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_knowledge_lesson:workflow_action",
        args=[lesson.pk, "approve", task_state.pk],
    )
    response = client_for(programme_admin).post(url, {})
    assert response.status_code in (200, 302)
    lesson.refresh_from_db()
    assert lesson.live
    assert lesson.status == Lesson.Status.PUBLISHED
    assert AuditRecord.objects.get(action="lesson.published").actor == programme_admin


def test_team_rejection_without_reason_is_refused_in_the_back_office(
    lesson, programme_admin, client_for
):
    task_state = lesson.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_knowledge_lesson:workflow_action",
        args=[lesson.pk, "reject", task_state.pk],
    )
    client_for(programme_admin).post(url, {"comment": ""})
    lesson.refresh_from_db()
    assert lesson.status == Lesson.Status.IN_REVIEW


def test_coach_cannot_moderate(lesson, coach, client_for):
    task_state = lesson.current_workflow_task_state
    assert task_state.task.specific.get_actions(lesson, coach) == []


def test_unpublishing_withdraws_the_lesson(lesson, programme_admin):
    moderate(lesson, programme_admin, "approve")
    lesson.unpublish(user=programme_admin)
    lesson.refresh_from_db()
    assert lesson.status == Lesson.Status.WITHDRAWN
    assert AuditRecord.objects.filter(action="lesson.unpublished").exists()


def test_team_edits_a_lesson_before_approving(lesson, programme_admin, partnership_a, client_for):
    client = client_for(programme_admin)
    data = {
        "kind": "tip",
        "title": "Vaste werktijden geven rust",
        "text": "Vaste werktijden gaven rust in het team; het rooster ligt een maand vooruit vast.",
        "step": "6",
        "sector": "schoonmaak",
        "route": "bestaand_contract",
        "partnership": str(partnership_a.pk),
    }
    response = client.post(reverse("wagtailsnippets_knowledge_lesson:edit", args=[lesson.pk]), data)
    assert response.status_code == 302
    assert AuditRecord.objects.filter(action="lesson.changed", actor=programme_admin).exists()
    moderate(lesson, programme_admin, "approve")
    assert lesson.title == "Vaste werktijden geven rust"
    assert lesson.submitted_by is not None
    assert lesson.partnership == partnership_a


def test_coach_cannot_change_a_lesson_in_the_back_office(lesson, coach, client_for, partnership_a):
    data = {
        "kind": "tip",
        "title": "Door de begeleider",
        "text": "Een tekst die lang genoeg is om te tellen.",
        "step": "1",
        "sector": "schoonmaak",
        "route": "bestaand_contract",
        "partnership": str(partnership_a.pk),
    }
    response = client_for(coach).post(
        reverse("wagtailsnippets_knowledge_lesson:edit", args=[lesson.pk]), data
    )
    assert response.status_code in (302, 403)
    lesson.refresh_from_db()
    assert lesson.title == "Vaste werktijden helpen"
    assert lesson.latest_revision.as_object().title == "Vaste werktijden helpen"
