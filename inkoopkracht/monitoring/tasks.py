"""Background work of monitoring: checking and applying large imports, mail about reporting
rounds, refreshing the precomputed overview rows, and the periodic reminders and purges (run by
``inkoopkracht run_periodic``)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_tasks import task

from inkoopkracht.audit.context import set_origin
from inkoopkracht.lib.mail import send_templated_mail
from inkoopkracht.lib.periodic import periodic

from . import precomputed, services
from .models import ImportJob, ReportingRound
from .periods import Period

MAIL = {
    # kind: (template, side that gets it)
    "submitted": ("monitoring/email/round_submitted", "buyer"),
    "approved": ("monitoring/email/round_approved", "supplier"),
    "returned": ("monitoring/email/round_returned", "supplier"),
    "reminder": ("monitoring/email/reporting_reminder", "supplier"),
}


@task()
def check_import_task(*, job_id: int) -> str:
    """Check a large import file, writing progress on the job as it goes."""
    set_origin("taak")
    job = ImportJob.objects.select_related("partnership__supplier").get(pk=job_id)
    return services.check_import(job=job).status


@task()
def apply_import_task(*, job_id: int, user_id: int | None) -> str:
    """Apply a checked large import in one transaction."""
    set_origin("taak")
    job = ImportJob.objects.select_related("partnership__supplier").get(pk=job_id)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        return services.run_apply(job=job, by=user).status
    except services.MonitoringError:
        job.refresh_from_db()
        return job.status


def members_of(organisation) -> list[str]:
    """Addresses of the active accounts linked to the organisation's contacts."""
    users = get_user_model().objects.filter(contacts__organisation=organisation, is_active=True)
    return sorted(set(users.values_list("email", flat=True)))


@task()
def notify_round(*, round_id: int, kind: str) -> int:
    """Mail the other side about a reporting round: submitted, approved, returned, or due."""
    reporting_round = ReportingRound.objects.select_related(
        "partnership__buyer", "partnership__supplier"
    ).get(pk=round_id)
    template, side = MAIL[kind]
    partnership = reporting_round.partnership
    recipients = members_of(partnership.buyer if side == "buyer" else partnership.supplier)
    url = settings.SITE_URL + reverse(
        "monitoring:round",
        args=[partnership.pk, str(reporting_round.period)],
    )
    for address in recipients:
        send_templated_mail(
            template,
            to=[address],
            context={"round": reporting_round, "partnership": partnership, "url": url},
        )
    return len(recipients)


@periodic("monitoring.refresh_overview_rows")
@task()
def refresh_overview_rows(
    *, partnership_ids: list[int] | None = None, quarter: str | None = None
) -> int:
    """Recompute with the engine the missing or stale precomputed overview rows of a quarter
    (default: the one the overview shows first) of every listed proeftuin, or of the given ones,
    so that the first visit after imports or a new quarter need not; returns how many. When
    nothing is stale: one query. Periodic (no arguments) and enqueued after imports and
    approvals (with the proeftuin)."""
    set_origin("periodiek" if partnership_ids is None else "taak")
    period = Period.parse(quarter) if quarter else precomputed.overview_quarter()
    if not period.is_quarter:
        raise ValueError(f"Overview rows are per quarter, not {period}")
    partnerships = precomputed.overview_partnerships()
    if partnership_ids is not None:
        partnerships = partnerships.filter(pk__in=partnership_ids)
    return precomputed.ensure_fresh(partnerships, period)


@periodic("monitoring.send_reporting_reminders")
@task()
def send_reporting_reminders() -> int:
    """Remind suppliers of the last quarter's report before its deadline (once per round)."""
    set_origin("periodiek")
    return services.send_due_reminders()


@periodic("monitoring.purge_import_files")
@task()
def purge_import_files() -> int:
    """Forget uploaded import files and their row reports after the retention period."""
    set_origin("periodiek")
    return services.purge_import_files()


@periodic("monitoring.purge_ended_placements")
@task()
def purge_ended_placements() -> int:
    """Delete pseudonymous placements that ended longer ago than their retention period."""
    set_origin("periodiek")
    return services.purge_ended_placements()
