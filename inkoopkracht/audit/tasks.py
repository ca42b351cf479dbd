"""Periodic tasks of the audit app."""

from django.utils import timezone
from django_tasks import task

from inkoopkracht.lib.periodic import periodic
from inkoopkracht.lib.retention import retention_period

from .models import AuditRecord


@periodic("audit.purge_old_records")
@task()
def purge_old_records() -> int:
    """Delete audit records older than their retention period (data inventory)."""
    cutoff = timezone.now() - retention_period("audit.AuditRecord")
    deleted, _detail = AuditRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted
