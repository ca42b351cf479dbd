"""The demo shows guidance: plans at different steps, signed letters, coaching history with
overdue actions, and bottlenecks — and loading it twice changes nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from inkoopkracht.partnerships.models import (
    ActionItem,
    Bottleneck,
    ChecklistItem,
    CoachingSession,
    Commitment,
    LetterOfIntent,
    Partnership,
)

pytestmark = pytest.mark.django_db


def counts():
    models = (ActionItem, Bottleneck, CoachingSession, Commitment, LetterOfIntent)
    counted = {model.__name__: model.objects.count() for model in models}
    counted["ticked"] = ChecklistItem.objects.filter(done_on__isnull=False).count()
    return counted


def test_demo_guidance_is_rich_and_idempotent():
    call_command("load_demo")
    first = counts()
    assert LetterOfIntent.objects.filter(status=LetterOfIntent.Status.SIGNED).count() >= 10
    assert LetterOfIntent.objects.filter(status=LetterOfIntent.Status.DRAFT).exists()
    assert all(letter.signed_file for letter in LetterOfIntent.objects.filter(status="ondertekend"))
    assert ActionItem.objects.overdue(timezone.localdate()).exists()
    assert set(Bottleneck.objects.values_list("status", flat=True)) >= {"open", "gesignaleerd"}
    assert len(set(Partnership.objects.values_list("current_step", flat=True))) >= 5
    waiting = Partnership.objects.get(buyer__name="Scholengroep Hogelanden")
    assert waiting.current_step_id == 2
    assert not LetterOfIntent.objects.filter(partnership=waiting).exists()
    call_command("load_demo")
    assert counts() == first
