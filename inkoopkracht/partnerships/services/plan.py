"""Changes to a proeftuin's plan: the checklist per step and moving on to the next step.

A step's state is never set directly: it follows from ``Partnership.current_step``, which only
``change_step`` moves (recording who and when in ``StepChange``).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inkoopkracht import audit
from inkoopkracht.partnerships.models import ChecklistItem, Partnership, Step

from .core import PartnershipError, _today, _user, change_step, require_editor


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Vul in wat er gedaan moet worden.")})
    return text


@transaction.atomic
def add_checklist_item(*, partnership: Partnership, step: Step, text: str, by) -> ChecklistItem:
    """Add a point of the proeftuin's own to the checklist of a step."""
    require_editor(partnership, by)
    last = partnership.checklist_items.filter(step=step).aggregate(last=Max("position"))["last"]
    item = ChecklistItem(
        partnership=partnership, step=step, text=_clean_text(text), position=(last or 0) + 1
    )
    item.full_clean()
    item.save()
    audit.record(
        actor=by,
        action="checklist.item_added",
        target=partnership,
        data={"step": step.number, "text": item.text},
    )
    return item


@transaction.atomic
def change_checklist_item(*, item: ChecklistItem, text: str, by) -> ChecklistItem:
    """Reword a point of the checklist (default points too: the checklist is the proeftuin's)."""
    require_editor(item.partnership, by)
    before = item.text
    item.text = _clean_text(text)
    item.full_clean()
    item.save(update_fields=["text", "updated_at"])
    audit.record(
        actor=by,
        action="checklist.item_changed",
        target=item.partnership,
        data={"step": item.step_id, "from": before, "to": item.text},
    )
    return item


@transaction.atomic
def remove_checklist_item(*, item: ChecklistItem, by) -> None:
    """Take a point off the checklist (for instance a default point that does not apply)."""
    require_editor(item.partnership, by)
    audit.record(
        actor=by,
        action="checklist.item_removed",
        target=item.partnership,
        data={"step": item.step_id, "text": item.text},
    )
    item.delete()


@transaction.atomic
def check_item(*, item: ChecklistItem, done: bool, by, on: date | None = None) -> ChecklistItem:
    """Tick a point off (``done=True``) or open it again."""
    require_editor(item.partnership, by)
    if done == item.is_done:
        return item
    item.done_on = (on or _today()) if done else None
    item.done_by = _user(by) if done else None
    item.save(update_fields=["done_on", "done_by", "updated_at"])
    audit.record(
        actor=by,
        action="checklist.item_checked" if done else "checklist.item_unchecked",
        target=item.partnership,
        data={"step": item.step_id, "text": item.text},
    )
    return item


def check_default_item(*, partnership: Partnership, code: str, by, on: date | None = None) -> None:
    """Tick off a default point when the app sees it happen (kick-off held, letter signed)."""
    item = partnership.checklist_items.filter(default_code=code, done_on__isnull=True).first()
    if item is not None:
        check_item(item=item, done=True, by=by, on=on)


@transaction.atomic
def advance_step(
    *, partnership: Partnership, by, reason: str = "", on: date | None = None
) -> Partnership:
    """Move on to the next step. With open points on the current step, a reason is required."""
    require_editor(partnership, by)
    if partnership.current_step_id >= Step.objects.aggregate(last=Max("number"))["last"]:
        raise PartnershipError(_("De proeftuin staat al in de laatste stap."))
    open_items = partnership.checklist_items.filter(
        step_id=partnership.current_step_id, done_on__isnull=True
    ).count()
    if open_items and not reason.strip():
        raise PartnershipError(
            ngettext(
                "Er staat nog %(count)d punt open in deze stap. Vink het af, of geef een "
                "toelichting waarom de proeftuin toch verder gaat.",
                "Er staan nog %(count)d punten open in deze stap. Vink ze af, of geef een "
                "toelichting waarom de proeftuin toch verder gaat.",
                open_items,
            )
            % {"count": open_items}
        )
    next_step = Step.objects.get(number=partnership.current_step_id + 1)
    return change_step(partnership=partnership, step=next_step, by=by, on=on, reason=reason)
