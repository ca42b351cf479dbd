"""Retention of the personal data in the guidance records (data/data_inventory.csv)."""

from django.db import transaction
from django.utils import timezone

from inkoopkracht import audit
from inkoopkracht.lib.retention import retention_period
from inkoopkracht.partnerships.models import CoachingSession, LetterOfIntent, Partnership


@transaction.atomic
def purge_closed_records() -> int:
    """Erase what the inventory says must go once a proeftuin ended long enough ago."""
    cutoff = timezone.localdate() - retention_period("partnerships.CoachingSession")
    closed = Partnership.objects.filter(ended_on__lt=cutoff)
    sessions = CoachingSession.objects.filter(partnership__in=closed).exclude(
        notes="", other_attendees=""
    )
    letters = LetterOfIntent.objects.filter(partnership__in=closed).exclude(signed_file="")
    affected = set(sessions.values_list("partnership", flat=True))
    affected |= set(letters.values_list("partnership", flat=True))
    for partnership in Partnership.objects.filter(pk__in=affected):
        audit.record(actor=None, action="partnership.records_purged", target=partnership)
    erased = sessions.update(notes="", other_attendees="")
    for letter in letters:
        letter.signed_file.delete(save=False)
        letter.signed_file = ""
        letter.save(update_fields=["signed_file", "updated_at"])
        erased += 1
    return erased
