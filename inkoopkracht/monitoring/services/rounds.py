"""Quarterly reporting: the supplier submits, the buyer approves or returns; corrections are
new revisions. The figures are computed at submission and frozen on approval.

``at`` (optional) dates a step in the round's history, for loading earlier rounds (the demo).
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from inkoopkracht import audit
from inkoopkracht.monitoring.access import can_decide, can_manage_placements
from inkoopkracht.monitoring.figures import compute_figures
from inkoopkracht.monitoring.models import ReportingRound, RoundEvent, RoundStatus
from inkoopkracht.monitoring.periods import Period
from inkoopkracht.partnerships.models import Partnership

from .errors import MonitoringError
from .overview import refresh_overview_after_commit


def deadline_for(period: Period) -> date:
    """A quarter's report is due ``REPORTING_DEADLINE_DAYS`` after the quarter ends."""
    return period.end + timedelta(days=settings.REPORTING_DEADLINE_DAYS)


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


def _notify(round_id: int, kind: str) -> None:
    from inkoopkracht.monitoring.tasks import notify_round

    transaction.on_commit(lambda: notify_round.enqueue(round_id=round_id, kind=kind))


def latest_round(partnership, period: Period) -> ReportingRound | None:
    return (
        ReportingRound.objects.filter(partnership=partnership)
        .for_period(period)
        .order_by("-revision")
        .first()
    )


@transaction.atomic
def open_round(
    *, partnership, period: Period, by, today: date | None = None, at: datetime | None = None
) -> ReportingRound:
    """The quarter's current round, created (version 1, in preparation) when there is none."""
    today = today or timezone.localdate()
    if not period.is_quarter:
        raise MonitoringError(_("Er wordt per kwartaal gerapporteerd."))
    if period.end >= today:
        raise MonitoringError(_("Dit kwartaal is nog niet voorbij."))
    existing = latest_round(partnership, period)
    if existing is not None:
        return existing
    round_ = ReportingRound.objects.create(
        partnership=partnership,
        year=period.year,
        quarter=period.quarter,
        deadline=deadline_for(period),
    )
    RoundEvent.objects.create(
        round=round_, action=RoundEvent.Action.OPENED, by=_user(by), created_at=at or timezone.now()
    )
    audit.record(actor=by, action="round.opened", target=round_)
    return round_


@transaction.atomic
def submit_round(
    *, reporting_round: ReportingRound, by, notify: bool = True, at: datetime | None = None
) -> ReportingRound:
    """The supplier submits the quarter: its figures are computed now and shown to the buyer."""
    if by is not None and not can_manage_placements(by, reporting_round.partnership):
        raise MonitoringError(_("Alleen de leverancier dient de kwartaalrapportage in."))
    if not reporting_round.is_editable:
        raise MonitoringError(_("Deze rapportage is al ingediend of goedgekeurd."))
    queryset = Partnership.objects.filter(pk=reporting_round.partnership_id)
    figures = compute_figures(queryset, reporting_round.period, approved=False).rows[0]
    reporting_round.snapshot = figures.snapshot()
    reporting_round.status = RoundStatus.SUBMITTED
    reporting_round.submitted_at = at or timezone.now()
    reporting_round.submitted_by = _user(by)
    reporting_round.return_comment = ""
    reporting_round.save()
    RoundEvent.objects.create(
        round=reporting_round,
        action=RoundEvent.Action.SUBMITTED,
        by=_user(by),
        created_at=at or timezone.now(),
    )
    audit.record(
        actor=by,
        action="round.submitted",
        target=reporting_round,
        data={"revision": reporting_round.revision},
    )
    if notify:
        _notify(reporting_round.pk, "submitted")
    return reporting_round


def _check_decision(reporting_round: ReportingRound, by) -> None:
    if by is not None and not can_decide(by, reporting_round.partnership):
        raise MonitoringError(_("Alleen de opdrachtgever beoordeelt de kwartaalrapportage."))
    if reporting_round.status != RoundStatus.SUBMITTED:
        raise MonitoringError(_("Deze rapportage wacht niet op een beoordeling."))
    if by is not None and reporting_round.submitted_by_id == getattr(by, "pk", None):
        raise MonitoringError(_("U kunt een rapportage die u zelf indiende niet zelf beoordelen."))


@transaction.atomic
def approve_round(
    *, reporting_round: ReportingRound, by, notify: bool = True, at: datetime | None = None
) -> ReportingRound:
    """The buyer approves: the submitted figures are frozen as the quarter's figures."""
    _check_decision(reporting_round, by)
    reporting_round.status = RoundStatus.APPROVED
    reporting_round.decided_at = at or timezone.now()
    reporting_round.decided_by = _user(by)
    reporting_round.save()
    RoundEvent.objects.create(
        round=reporting_round,
        action=RoundEvent.Action.APPROVED,
        by=_user(by),
        created_at=at or timezone.now(),
    )
    audit.record(
        actor=by,
        action="round.approved",
        target=reporting_round,
        data={"revision": reporting_round.revision},
    )
    if notify:
        _notify(reporting_round.pk, "approved")
    refresh_overview_after_commit(reporting_round.partnership_id)
    return reporting_round


@transaction.atomic
def return_round(
    *,
    reporting_round: ReportingRound,
    by,
    comment: str,
    notify: bool = True,
    at: datetime | None = None,
) -> ReportingRound:
    """The buyer sends the quarter back with a comment; the supplier can correct and resubmit."""
    _check_decision(reporting_round, by)
    if not comment.strip():
        raise MonitoringError(_("Schrijf erbij wat er anders moet."))
    reporting_round.status = RoundStatus.RETURNED
    reporting_round.decided_at = at or timezone.now()
    reporting_round.decided_by = _user(by)
    reporting_round.return_comment = comment.strip()
    reporting_round.save()
    RoundEvent.objects.create(
        round=reporting_round,
        action=RoundEvent.Action.RETURNED,
        by=_user(by),
        comment=comment.strip(),
        created_at=at or timezone.now(),
    )
    audit.record(
        actor=by, action="round.returned", target=reporting_round, data={"comment": comment.strip()}
    )
    if notify:
        _notify(reporting_round.pk, "returned")
    return reporting_round


@transaction.atomic
def start_correction(
    *, reporting_round: ReportingRound, by, reason: str, at: datetime | None = None
) -> ReportingRound:
    """A new version of an approved quarter; the approved version stays as it is until the
    correction is approved in its turn."""
    if by is not None and not can_manage_placements(by, reporting_round.partnership):
        raise MonitoringError(_("Alleen de leverancier kan een correctie starten."))
    if reporting_round.status != RoundStatus.APPROVED:
        raise MonitoringError(_("Alleen een goedgekeurde rapportage kan worden gecorrigeerd."))
    if latest_round(reporting_round.partnership, reporting_round.period).pk != reporting_round.pk:
        raise MonitoringError(_("Er is al een nieuwere versie van deze rapportage."))
    if not reason.strip():
        raise MonitoringError(_("Geef de reden van de correctie."))
    correction = ReportingRound.objects.create(
        partnership=reporting_round.partnership,
        year=reporting_round.year,
        quarter=reporting_round.quarter,
        revision=reporting_round.revision + 1,
        deadline=reporting_round.deadline,
        correction_reason=reason.strip(),
    )
    RoundEvent.objects.create(
        round=correction,
        action=RoundEvent.Action.CORRECTION,
        by=_user(by),
        comment=reason.strip(),
        created_at=at or timezone.now(),
    )
    audit.record(
        actor=by,
        action="round.correction_started",
        target=correction,
        data={"replaces": reporting_round.revision, "reason": reason.strip()},
    )
    return correction


def send_due_reminders(*, today: date | None = None) -> int:
    """Remind suppliers whose last quarter is not yet submitted, from ``REPORTING_REMINDER_DAYS``
    before the deadline; once per round (idempotent). Returns the number of reminders."""
    today = today or timezone.localdate()
    period = Period.last_completed_quarter(today)
    deadline = deadline_for(period)
    if not deadline - timedelta(days=settings.REPORTING_REMINDER_DAYS) <= today <= deadline:
        return 0
    handed_in = ReportingRound.objects.filter(
        partnership=OuterRef("pk"),
        year=period.year,
        quarter=period.quarter,
        status__in=[RoundStatus.SUBMITTED, RoundStatus.APPROVED],
    )
    due = Partnership.objects.filter(
        status=Partnership.Status.ACTIVE, started_on__lte=period.end
    ).exclude(Exists(handed_in))
    sent = 0
    for partnership in due.order_by("pk"):
        sent += _remind(partnership, period, today)
    return sent


@transaction.atomic
def _remind(partnership, period: Period, today: date) -> int:
    round_ = open_round(partnership=partnership, period=period, by=None, today=today)
    if round_.reminder_sent_at is not None or not round_.is_editable:
        return 0
    round_.reminder_sent_at = timezone.now()
    round_.save(update_fields=["reminder_sent_at", "updated_at"])
    RoundEvent.objects.create(round=round_, action=RoundEvent.Action.REMINDED)
    audit.record(actor=None, action="round.reminder_sent", target=round_)
    _notify(round_.pk, "reminder")
    return 1
