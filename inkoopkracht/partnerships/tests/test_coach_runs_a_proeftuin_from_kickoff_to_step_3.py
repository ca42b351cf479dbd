"""The issue's "done when": a coach runs a proeftuin from kick-off to step 3 in the app —
session, letter of intent with commitments, PDF, signed copy, actions with reminders — and
the members follow it in Mijn proeftuin."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from inkoopkracht.partnerships import services
from inkoopkracht.partnerships.models import ActionItem, LetterOfIntent, Step
from inkoopkracht.partnerships.tasks import remind_overdue_actions
from inkoopkracht.partnerships.tests.factories import make_contact

pytestmark = pytest.mark.django_db


def test_from_kickoff_to_step_3(
    client_for, coach, buyer_member, supplier_member, partnership_a,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    today = timezone.localdate()
    services.change_step(
        partnership=partnership_a, step=Step.objects.get(number=2), by=coach,
        reason="Verkenning afgerond bij de intake",
    )  # fmt: skip
    buyer, supplier = partnership_a.buyer, partnership_a.supplier
    alderman = make_contact(organisation=buyer, name="Wethouder Bakker")
    director = make_contact(organisation=supplier, name="Directeur Veenstra")
    pk = partnership_a.pk
    client = client_for(coach)

    # The kick-off session.
    response = client.post(
        reverse("partnerships:add_session", args=[pk]),
        {"held_on": today.isoformat(), "kind": "kick_off", "attendees": [alderman.pk, director.pk],
         "agreements": "Intentieverklaring tekenen voor 1 maart.", "notes": "Wethouder enthousiast."},
    )  # fmt: skip
    assert response.status_code == 302

    # The letter of intent, filled in at the kick-off.
    response = client.post(
        reverse("partnerships:edit_letter", args=[pk]),
        {"ambition_jobs": "4", "ambition_date": "2028-12-31",
         "buyer_standard": ["werkplekken", "interne-ambassadeur"], "buyer_other": "",
         "supplier_standard": ["werven", "in-dienst"], "supplier_other": "",
         "buyer_signatory": alderman.pk, "buyer_contact": alderman.pk,
         "supplier_signatory": director.pk, "supplier_contact": director.pk,
         "roles": "", "review_on": "2027-12-01"},
    )  # fmt: skip
    assert response.status_code == 302
    pdf = client.get(reverse("partnerships:letter_pdf", args=[pk]))
    assert pdf.content.startswith(b"%PDF-")

    # Both sides signed: record the date and the signed copy.
    signed = SimpleUploadedFile("getekend.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    response = client.post(
        reverse("partnerships:sign_letter", args=[pk]),
        {"signed_on": today.isoformat(), "signed_file": signed},
    )
    assert response.status_code == 302
    assert LetterOfIntent.objects.get(partnership=partnership_a).is_signed

    # Actions for both sides, one linked to a commitment; the buyer's is overdue.
    commitment = LetterOfIntent.objects.get().commitments.get(code="werven")
    for owner, due in (
        ("supplier", today + timedelta(days=14)),
        ("buyer", today - timedelta(days=1)),
    ):
        response = client.post(
            reverse("partnerships:add_action", args=[pk]),
            {"description": f"Actie van {owner}", "owner": owner, "due_on": due.isoformat(),
             "commitment": commitment.pk if owner == "supplier" else ""},
        )  # fmt: skip
        assert response.status_code == 302

    # The members follow it: the plan, the letter, the actions; the supplier ticks theirs off.
    supplier_client = client_for(supplier_member)
    letter_page = supplier_client.get(reverse("partnerships:letter", args=[pk])).content.decode()
    assert "Ondertekend op" in letter_page
    supplier_action = ActionItem.objects.get(owner_side="supplier")
    response = supplier_client.post(
        reverse("partnerships:complete_action", args=[pk, supplier_action.pk]), {"done": "1"}
    )
    assert response.status_code == 302
    sessions_page = supplier_client.get(
        reverse("partnerships:sessions", args=[pk])
    ).content.decode()
    assert "Intentieverklaring tekenen voor 1 maart." in sessions_page
    assert "Wethouder enthousiast." not in sessions_page

    # The reminder for the overdue buyer action.
    with django_capture_on_commit_callbacks(execute=True):
        remind_overdue_actions.enqueue()
    assert [m.to for m in mail.outbox] == [[buyer_member.email]]

    # Every point of step 2 was ticked along the way, so step 3 needs no reason.
    client = client_for(coach)  # one test client: log the coach in again
    plan_page = client.get(reverse("partnerships:plan", args=[pk])).content.decode()
    assert "4 van 4 punten afgevinkt" in plan_page
    response = client.post(reverse("partnerships:advance", args=[pk]), {"reason": ""})
    assert response.status_code == 302
    partnership_a.refresh_from_db()
    assert partnership_a.current_step_id == 3
