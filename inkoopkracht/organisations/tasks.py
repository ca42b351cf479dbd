"""Periodic tasks of the organisations app."""

from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from inkoopkracht import audit
from inkoopkracht.lib.periodic import periodic
from inkoopkracht.lib.retention import retention_period

from .models import Contact, Organisation


@periodic("organisations.purge_stale_contacts")
@task()
def purge_stale_contacts() -> int:
    """Delete contacts of organisations that have not taken part in a proeftuin for too long.

    An organisation takes part while one of its proeftuinen runs, and for the retention period
    (data inventory) after the last one ended. Contacts created within that period stay too.
    Contacts linked to an account are unlinked by deleting them; the account itself follows the
    account retention. (Uses the reverse relations of partnerships by name, not by import.)
    """
    cutoff = timezone.now() - retention_period("organisations.Contact")
    recent = cutoff.date()
    taking_part = [
        Organisation.objects.filter(_running_or_recent(relation, recent)).values("pk")
        for relation in (
            "partnerships_as_buyer",
            "partnerships_as_supplier",
            "partnership_roles__partnership",
        )
    ]
    keep = Q()
    for organisations in taking_part:
        keep |= Q(organisation__in=organisations)
    stale = Contact.objects.filter(created_at__lt=cutoff).exclude(keep)
    count = 0
    for contact in stale.select_related("organisation"):
        audit.record(actor=None, action="contact.purged", target=contact)
        contact.delete()
        count += 1
    return count


def _running_or_recent(relation: str, recent) -> Q:
    """A proeftuin (through ``relation``) that still runs or ended on or after ``recent``."""
    running = Q(**{f"{relation}__pk__isnull": False, f"{relation}__ended_on__isnull": True})
    return running | Q(**{f"{relation}__ended_on__gte": recent})
