"""Peer matching: ervaringsdeskundigen from proeftuinen that have completed an event's step.

A proeftuin has completed step N when its current step is beyond N, when it is completed, or
when its step history (``partnerships.StepChange``) shows it moved beyond N at some point.
Proeftuinen in the event's sector come first.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Min, Q

from inkoopkracht.partnerships.models import Partnership

from .models import Event, Speaker


@dataclass(frozen=True)
class SpeakerSuggestion:
    speaker: Speaker
    same_sector: bool
    completed_on: date | None


@dataclass(frozen=True)
class PartnershipSuggestion:
    partnership: Partnership
    same_sector: bool
    completed_on: date | None


def partnerships_past_step(step_number: int):
    """Proeftuinen that completed step ``step_number``, with the date they moved beyond it."""
    return Partnership.objects.annotate(
        completed_on=Min("step_changes__on", filter=Q(step_changes__step__number__gt=step_number))
    ).filter(
        Q(current_step__number__gt=step_number)
        | Q(status=Partnership.Status.COMPLETED)
        | Q(completed_on__isnull=False)
    )


def suggest_speakers(event: Event) -> list[SpeakerSuggestion]:
    """Ervaringsdeskundigen (not yet on the event) of proeftuinen past the event's step."""
    if event.topic_step_id is None:
        return []
    past = partnerships_past_step(event.topic_step_id)
    already = [speaker.pk for speaker in event.speakers.all()]
    speakers = list(
        Speaker.objects.filter(partnership__in=past.values("pk"))
        .exclude(pk__in=already)
        .select_related("organisation", "partnership__current_step")
    )
    completed = dict(
        past.filter(pk__in={s.partnership_id for s in speakers}).values_list("pk", "completed_on")
    )
    suggestions = [
        SpeakerSuggestion(
            speaker=speaker,
            same_sector=bool(event.topic_sector)
            and speaker.partnership.work_sector == event.topic_sector,
            completed_on=completed.get(speaker.partnership_id),
        )
        for speaker in speakers
    ]
    return sorted(suggestions, key=lambda s: (not s.same_sector, s.speaker.name))


def partnerships_without_speaker(event: Event, limit: int = 10) -> list[PartnershipSuggestion]:
    """Proeftuinen past the step that have no ervaringsdeskundige yet: people to approach."""
    if event.topic_step_id is None:
        return []
    past = (
        partnerships_past_step(event.topic_step_id)
        .filter(speakers__isnull=True)
        .select_related("buyer", "supplier", "current_step")
    )
    suggestions = [
        PartnershipSuggestion(
            partnership=partnership,
            same_sector=bool(event.topic_sector) and partnership.work_sector == event.topic_sector,
            completed_on=partnership.completed_on,
        )
        for partnership in past
    ]
    return sorted(suggestions, key=lambda s: (not s.same_sector, str(s.partnership)))[:limit]
