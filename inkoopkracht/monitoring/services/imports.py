"""Imports of placements: receive a file, check it (nothing stored), apply it in one transaction.

Small files are checked straight away; larger ones (``IMPORT_BACKGROUND_BYTES``) by a
background task that reports its progress on the job. Applying re-checks the file against the
placements as they are now, so a plan is never applied to data it was not made for. It checks
and writes in chunks inside one transaction (``build_plan(write=...)``), so memory does not grow
with the file; an error in any chunk rolls the whole transaction back.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inkoopkracht import audit
from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.lib.bulk import in_chunks, insert_rows, reserve_ids, write_bytes
from inkoopkracht.monitoring.access import can_manage_placements
from inkoopkracht.monitoring.importing import ImportPlan, build_plan
from inkoopkracht.monitoring.models import (
    IdempotencyKey,
    ImportJob,
    ImportStatus,
    Placement,
    PlacementHours,
)

from .errors import MonitoringError
from .overview import refresh_overview_after_commit

BATCH = 1000


def _check_may_import(by, partnership) -> None:
    """Users must be on the supplier side; ``None`` or a text (a command) is the system."""
    if by is None or isinstance(by, str):
        return
    if not can_manage_placements(by, partnership):
        raise MonitoringError(
            _("Alleen de leverancier van de proeftuin kan plaatsingen importeren.")
        )


@transaction.atomic
def _store_job(
    *, partnership, by, filename: str, data: bytes, later: bool | None = None
) -> ImportJob:
    job = ImportJob.objects.create(
        partnership=partnership,
        created_by=by if getattr(by, "is_authenticated", False) else None,
        filename=(filename or "import")[:200],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        in_background=len(data) > settings.IMPORT_BACKGROUND_BYTES if later is None else later,
    )
    write_bytes(ImportJob._meta.db_table, "content", job.pk, data)  # without a hex copy
    job.content = data
    audit.record(
        actor=by,
        action="import.uploaded",
        target=job,
        data={"partnership": partnership.pk, "size": len(data), "sha256": job.sha256},
    )
    if job.in_background:
        from inkoopkracht.monitoring.tasks import check_import_task

        transaction.on_commit(lambda: check_import_task.enqueue(job_id=job.pk))
    return job


def receive_import(
    *, partnership, by, filename: str, data: bytes, background: bool | None = None
) -> ImportJob:
    """Keep an uploaded file and check it (now, or in the background when it is large)."""
    _check_may_import(by, partnership)
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise MonitoringError(
            _("Het bestand is te groot; de grens is %(max)s MB.")
            % {"max": settings.IMPORT_MAX_BYTES // 1024 // 1024}
        )
    job = _store_job(partnership=partnership, by=by, filename=filename, data=data, later=background)
    if not job.in_background:
        job = check_import(job=job)
    return job


def _progress(job: ImportJob):
    def report(done: int, total: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(rows_done=done, rows_total=total)

    return report


def check_import(*, job: ImportJob) -> ImportJob:
    """Check the file row by row and work out the changes; stores only the report on the job.

    Progress is written as it goes (outside a transaction, so the page can show it)."""
    if job.content is None:
        raise MonitoringError(_("Dit bestand is niet meer beschikbaar; upload het opnieuw."))
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.CHECKING)
    plan = build_plan(job.partnership, bytes(job.content), job.filename, progress=_progress(job))
    return _save_check(job, plan)


@transaction.atomic
def _save_check(job: ImportJob, plan: ImportPlan) -> ImportJob:
    job.report = plan.report()
    job.status = ImportStatus.CHECKED if plan.is_valid else ImportStatus.REJECTED
    job.rows_total = job.rows_done = plan.rows
    job.checked_at = timezone.now()
    job.save(update_fields=["report", "status", "rows_total", "rows_done", "checked_at"])
    audit.record(
        actor=job.created_by,
        action="import.checked",
        target=job,
        result=AuditRecord.Result.SUCCESS if plan.is_valid else AuditRecord.Result.FAILED,
        data={"rows": plan.rows, "errors": len(plan.errors), **plan.counts()},
    )
    return job


def apply_import(*, job: ImportJob, by, background: bool | None = None) -> ImportJob:
    """Apply a checked file: all of it in one transaction, or nothing."""
    _check_may_import(by, job.partnership)
    if job.status != ImportStatus.CHECKED:
        raise MonitoringError(
            _("Dit bestand kan niet (meer) worden verwerkt: de status is ‘%(status)s’.")
            % {"status": job.get_status_display()}
        )
    if job.content is None:
        raise MonitoringError(_("Dit bestand is niet meer beschikbaar; upload het opnieuw."))
    run_later = job.in_background if background is None else background
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.APPLYING)
    job.status = ImportStatus.APPLYING
    if run_later:
        from inkoopkracht.monitoring.tasks import apply_import_task

        user_id = by.pk if getattr(by, "is_authenticated", False) else None
        apply_import_task.enqueue(job_id=job.pk, user_id=user_id)
        return job
    return run_apply(job=job, by=by)


def run_apply(*, job: ImportJob, by) -> ImportJob:
    """Re-check against the current placements and write, chunk by chunk, in one transaction;
    nothing stays written when any row has an error."""
    try:
        with transaction.atomic():
            now = timezone.now()
            plan = build_plan(
                job.partnership,
                bytes(job.content),
                job.filename,
                write=_writer(job.partnership, now),
            )
            if plan.is_valid:
                return _finish_apply(job, plan, by, now)
            transaction.set_rollback(True)  # undo the chunks written before the first error
    except Exception:
        ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.FAILED)
        raise
    _save_check(job, plan)
    raise MonitoringError(
        _(
            "Het bestand past niet meer bij de opgeslagen plaatsingen; bekijk het nieuwe controleverslag."
        )
    )


def _writer(partnership, now):
    """What ``build_plan`` hands each chunk's operations to: writes them straight away."""

    def write(operations) -> None:
        creates = [op for op in operations if op.placement_id is None]
        updates = [op for op in operations if op.placement_id is not None]
        _create_placements(partnership, creates, now)
        _update_fields(updates, now)
        updated = {op.placement_id for op in updates}
        _replace_hours([op for op in operations if op.history is not None], updated)
        _replace_contracts([op for op in operations if op.contract_ids is not None], updates)

    return write


def _finish_apply(job: ImportJob, plan: ImportPlan, by, now) -> ImportJob:
    """Mark the job applied once every chunk is written (inside the import's transaction)."""
    job.status = ImportStatus.APPLIED
    job.applied_at = now
    job.content = None  # the file is no longer needed once applied (data minimisation)
    job.report = {**plan.report(), "applied": True}
    job.save(update_fields=["status", "applied_at", "content", "report"])
    audit.record(
        actor=by,
        action="import.applied",
        target=job,
        data={"partnership": job.partnership_id, "sha256": job.sha256, **plan.counts()},
    )
    refresh_overview_after_commit(job.partnership_id)
    return job


def _create_placements(partnership, creates, now) -> None:
    """Insert new placements as plain rows (``lib.bulk``) with ids reserved first, or read
    their ids back by employer and reference (unique together) where ids cannot be reserved."""
    if not creates:
        return
    table = Placement._meta.db_table
    ids = reserve_ids(table, len(creates))
    if ids is not None:
        for op, pk in zip(creates, ids, strict=True):
            op.placement_id = pk
    columns = sorted({name for op in creates for name in op.fields})
    if ids:
        rows = ((op.placement_id, *map(op.fields.get, columns)) for op in creates)
    else:
        rows = (tuple(map(op.fields.get, columns)) for op in creates)
    shared = {"partnership_id": partnership.pk, "created_at": now, "updated_at": now}
    insert_rows(table, [*(["id"] if ids else []), *columns], rows, shared=shared)
    if ids is None:
        _read_back_ids(creates)


def _read_back_ids(creates) -> None:
    by_employer: dict[int, list] = {}
    for op in creates:
        by_employer.setdefault(op.fields["employer_id"], []).append(op)
    for employer_id, operations in by_employer.items():
        ids = {}
        for chunk in in_chunks([op.fields["reference"] for op in operations]):
            ids.update(
                Placement.objects.filter(employer_id=employer_id, reference__in=chunk).values_list(
                    "reference", "pk"
                )
            )
        for op in operations:
            op.placement_id = ids[op.fields["reference"]]


def _update_fields(updates, now) -> None:
    with_fields = [op for op in updates if op.fields]
    if not with_fields:
        return
    names = sorted({name for op in with_fields for name in op.fields})
    loaded = Placement.objects.in_bulk([op.placement_id for op in with_fields])
    instances = []
    for op in with_fields:
        instance = loaded[op.placement_id]
        for name, value in op.fields.items():
            setattr(instance, name, value)
        instance.updated_at = now
        instances.append(instance)
    Placement.objects.bulk_update(instances, [*names, "updated_at"], batch_size=BATCH)


def _replace_hours(operations, updated: set) -> None:
    """New hours histories; only updated placements have old ones to remove."""
    ids = [op.placement_id for op in operations if op.placement_id in updated]
    for start in range(0, len(ids), BATCH):
        PlacementHours.objects.filter(placement_id__in=ids[start : start + BATCH]).delete()
    rows = (
        (op.placement_id, period.starts_on, period.ends_on, period.hours)
        for op in operations
        for period in op.history
    )
    columns = ["placement_id", "starts_on", "ends_on", "hours_per_week"]
    insert_rows(PlacementHours._meta.db_table, columns, rows)


def _replace_contracts(operations, updates) -> None:
    through = Placement.contracts.through
    updated = {op.placement_id for op in updates}
    ids = [op.placement_id for op in operations if op.placement_id in updated]
    for start in range(0, len(ids), BATCH):
        through.objects.filter(placement_id__in=ids[start : start + BATCH]).delete()
    rows = (
        (op.placement_id, contract_id)
        for op in operations
        for contract_id in sorted(op.contract_ids)
    )
    insert_rows(through._meta.db_table, ["placement_id", "contract_id"], rows)


def import_directly(
    *, partnership, by, filename: str, data: bytes, progress=None, dry_run: bool = False
):
    """Check and apply in one go, in one transaction (the command line): ``(job, plan)``; the
    job is None, and nothing is stored, when the file has errors or with ``dry_run``."""
    _check_may_import(by, partnership)
    with transaction.atomic():
        now = timezone.now()
        # The job (with the file) is stored first, while little else is in memory; it goes
        # with the rollback when the file has errors.
        job = None
        if not dry_run:
            job = _store_job(
                partnership=partnership, by=by, filename=filename, data=data, later=False
            )
        write = None if dry_run else _writer(partnership, now)
        plan = build_plan(partnership, data, filename, progress=progress, write=write)
        if not plan.is_valid or dry_run:
            transaction.set_rollback(True)  # undo the chunks written before the first error
            return None, plan
        _save_check(job, plan)
        return _finish_apply(job, plan, by, now), plan


@transaction.atomic
def purge_import_files(*, now=None) -> int:
    """Forget uploaded files and their row reports after ``IMPORT_RETENTION_DAYS`` (and the
    stored answers behind API idempotency keys of that age)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.IMPORT_RETENTION_DAYS)
    jobs = ImportJob.objects.filter(created_at__lt=cutoff).exclude(report={"purged": True})
    count = jobs.update(content=None, report={"purged": True})
    keys, _by_model = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    if count or keys:
        audit.record(
            actor=None, action="import.purged", data={"jobs": count, "idempotency_keys": keys}
        )
    return count
