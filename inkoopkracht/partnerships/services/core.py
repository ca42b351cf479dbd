"""Every change to proeftuinen and contracts: one transaction, an audit record, a Dutch error.

A new proeftuin gets the default checklist of every step (data/step_checklist.csv).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inkoopkracht import audit
from inkoopkracht.partnerships.access import can_edit
from inkoopkracht.partnerships.models import (
    ChecklistItem,
    Contract,
    Milestone,
    Partnership,
    PartnershipParty,
    StatusChange,
    Step,
    StepChange,
)
from inkoopkracht.partnerships.reference import add_default_checklist


class PartnershipError(Exception):
    """A change to a proeftuin that cannot be made; the message is for the user (Dutch)."""


class NotAllowed(PartnershipError):
    """The user may see the proeftuin but not make this change (shown as a 403 with the message)."""


def require_editor(partnership: Partnership, by) -> None:
    """Only the team and the proeftuin's coaches change it; ``by=None`` is the system (demo, tasks)."""
    if by is None:
        return
    if not can_edit(by, partnership):
        raise NotAllowed(
            _("Alleen de begeleiders van deze proeftuin en het programmateam kunnen dit wijzigen.")
        )


def _today() -> date:
    return timezone.localdate()


@transaction.atomic
def create_contract(*, by, **fields) -> Contract:
    contract = Contract(**fields)
    contract.full_clean()
    contract.save()
    audit.record(actor=by, action="contract.created", target=contract)
    return contract


@transaction.atomic
def create_partnership(
    *,
    by,
    contracts=(),
    coaches=(),
    parties: list[dict] = (),
    milestones: list[dict] = (),
    status: str = Partnership.Status.APPLIED,
    on: date | None = None,
    **fields,
) -> Partnership:
    """Create a proeftuin with its contracts, coaches, parties and milestones.

    ``parties`` holds dicts with ``organisation`` and ``role``; ``milestones`` dicts with
    ``due_on`` and ``jobs``. The initial status and step are recorded in the history.
    """
    on = on or _today()
    partnership = Partnership(**fields)
    partnership.full_clean()
    errors = partnership.contract_errors(contracts)
    if errors:
        raise ValidationError({"contracts": errors})
    _apply_status_dates(partnership, status, on)
    # Parental many-to-many fields (modelcluster) are written by save(), so set them first.
    partnership.contracts.set(contracts)
    partnership.coaches.set(coaches)
    partnership.save()
    for party in parties:
        PartnershipParty(partnership=partnership, **party).full_clean(exclude=["partnership"])
        PartnershipParty.objects.create(partnership=partnership, **party)
    for milestone in milestones:
        Milestone.objects.create(partnership=partnership, **milestone)
    StatusChange.objects.create(partnership=partnership, status=status, on=on, by=_user(by))
    StepChange.objects.create(
        partnership=partnership, step=partnership.current_step, on=on, by=_user(by)
    )
    add_default_checklist(partnership, ChecklistItem)
    audit.record(actor=by, action="partnership.created", target=partnership)
    return partnership


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


def _apply_status_dates(partnership: Partnership, status: str, on: date) -> None:
    """Fill the date that belongs to a status when it is still empty."""
    partnership.status = status
    if status == Partnership.Status.APPLIED and not partnership.applied_on:
        partnership.applied_on = on
    if status == Partnership.Status.ACTIVE and not partnership.started_on:
        partnership.started_on = on
    if status in (Partnership.Status.COMPLETED, Partnership.Status.STOPPED):
        partnership.ended_on = partnership.ended_on or on
    elif status in (Partnership.Status.ACTIVE, Partnership.Status.PAUSED):
        partnership.ended_on = None


@transaction.atomic
def change_status(
    *, partnership: Partnership, status: str, by, on: date | None = None, reason: str = ""
) -> Partnership:
    """Move a proeftuin to another status (aangemeld, actief, gepauzeerd, afgerond, gestopt)."""
    if status not in Partnership.Status.values:
        raise PartnershipError(_("Onbekende status."))
    if status == partnership.status:
        raise PartnershipError(_("De proeftuin heeft deze status al."))
    if status == Partnership.Status.STOPPED and not reason.strip():
        raise PartnershipError(_("Geef een reden waarom de proeftuin stopt."))
    on = on or _today()
    before = partnership.status
    _apply_status_dates(partnership, status, on)
    partnership.full_clean()
    partnership.save()
    StatusChange.objects.create(
        partnership=partnership, status=status, on=on, reason=reason, by=_user(by)
    )
    audit.record(
        actor=by,
        action="partnership.status_changed",
        target=partnership,
        data={"from": before, "to": status, "on": on, "reason": reason},
    )
    return partnership


def check_step_move(partnership: Partnership, step: Step, reason: str) -> None:
    """A step forward of more than one needs a reason; so does going back."""
    current = partnership.current_step_id
    if step.number == current:
        raise PartnershipError(_("De proeftuin staat al in deze stap."))
    if abs(step.number - current) > 1 and not reason.strip():
        raise PartnershipError(
            _("U slaat een of meer stappen over. Geef een reden op, zodat dat navolgbaar is.")
        )
    if step.number < current and not reason.strip():
        raise PartnershipError(_("Geef een reden op waarom de proeftuin een stap teruggaat."))


@transaction.atomic
def change_step(
    *, partnership: Partnership, step: Step, by, on: date | None = None, reason: str = ""
) -> Partnership:
    """Move a proeftuin to another step of the nine-step plan, recording who and when."""
    check_step_move(partnership, step, reason)
    before = partnership.current_step_id
    partnership.current_step = step
    partnership.save(update_fields=["current_step", "updated_at"])
    StepChange.objects.create(
        partnership=partnership, step=step, on=on or _today(), reason=reason, by=_user(by)
    )
    audit.record(
        actor=by,
        action="partnership.step_changed",
        target=partnership,
        data={"from": before, "to": step.number, "reason": reason},
    )
    return partnership


@transaction.atomic
def assign_coach(*, partnership: Partnership, coach, by) -> Partnership:
    """Add a coach (a member of the team or coach group) to a proeftuin."""
    if not coach.is_programme_staff:
        raise PartnershipError(_("Alleen het programmateam en begeleiders kunnen begeleider zijn."))
    partnership.coaches.add(coach)
    partnership.save()
    audit.record(
        actor=by,
        action="partnership.coach_assigned",
        target=partnership,
        data={"coach": coach.email},
    )
    return partnership


@transaction.atomic
def save_partnership_form(*, form, by, reason: str = "") -> Partnership:
    """Save the back-office form; status and step changes go into their histories too."""
    creating = form.instance._state.adding
    previous = None if creating else Partnership.objects.get(pk=form.instance.pk)
    partnership = form.instance
    status_changed = creating or previous.status != partnership.status
    step_changed = creating or previous.current_step_id != partnership.current_step_id
    if status_changed:
        _apply_status_dates(partnership, partnership.status, _today())
    partnership = form.save()
    if creating:
        add_default_checklist(partnership, ChecklistItem)
    if status_changed:
        StatusChange.objects.create(
            partnership=partnership,
            status=partnership.status,
            on=_today(),
            reason=reason,
            by=_user(by),
        )
    if step_changed:
        StepChange.objects.create(
            partnership=partnership,
            step=partnership.current_step,
            on=_today(),
            reason=reason,
            by=_user(by),
        )
    audit.record(
        actor=by,
        action="partnership.created" if creating else "partnership.changed",
        target=partnership,
        data={} if creating else {"fields": sorted(form.changed_data)},
    )
    return partnership
