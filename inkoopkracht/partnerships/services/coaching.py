"""The coaching log: sessions, the actions agreed in them, ticking actions off, and reminders
for overdue actions (a periodic task, idempotent: ``reminded_at`` marks what was sent)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inkoopkracht import audit
from inkoopkracht.organisations.models import Contact
from inkoopkracht.partnerships.access import ActionRules
from inkoopkracht.partnerships.models import (
    ActionItem,
    CoachingSession,
    Partnership,
    PartnershipParty,
    Side,
)

from . import plan
from .core import NotAllowed, PartnershipError, _today, _user, require_editor


@dataclass(frozen=True)
class Owner:
    """Who carries out an action: a side of the proeftuin, and for a further party which one."""

    side: str
    party: PartnershipParty | None = None


def _session_errors(partnership, *, held_on, kind, attendees) -> dict:
    errors = {}
    if held_on is None:
        errors["held_on"] = _("Vul de datum van de sessie in.")
    if kind not in CoachingSession.Kind.values:
        errors["kind"] = _("Kies het soort sessie: kick-off, vervolgsessie of evaluatie.")
    foreign = [c for c in attendees if c.organisation_id not in partnership.organisation_ids]
    if foreign:
        errors["attendees"] = _("Kies alleen aanwezigen van de partijen in deze proeftuin.")
    return errors


def _save_session(session, *, by, attendees, coaches, fields) -> CoachingSession:
    for name, value in fields.items():
        setattr(session, name, value.strip() if isinstance(value, str) else value)
    session.full_clean()
    session.save()
    session.attendees.set(attendees)
    session.coaches.set(coaches)
    if session.kind == CoachingSession.Kind.KICKOFF and session.held_on <= _today():
        plan.check_default_item(
            partnership=session.partnership, code="kickoff-sessie", by=by, on=session.held_on
        )
    return session


@transaction.atomic
def record_session(
    *,
    partnership: Partnership,
    by,
    held_on: date | None,
    kind: str,
    attendees=(),
    coaches=(),
    other_attendees: str = "",
    agreements: str = "",
    notes: str = "",
) -> CoachingSession:
    """Log a session with the proeftuin; ``notes`` are for the programme team only."""
    require_editor(partnership, by)
    errors = _session_errors(partnership, held_on=held_on, kind=kind, attendees=attendees)
    if errors:
        raise ValidationError(errors)
    session = CoachingSession(partnership=partnership, created_by=_user(by))
    fields = {"held_on": held_on, "kind": kind, "other_attendees": other_attendees,
              "agreements": agreements, "notes": notes}  # fmt: skip
    _save_session(session, by=by, attendees=attendees, coaches=coaches, fields=fields)
    audit.record(
        actor=by,
        action="session.recorded",
        target=partnership,
        data={"session": session.pk, "kind": kind, "held_on": held_on},
    )
    return session


@transaction.atomic
def change_session(
    *,
    session: CoachingSession,
    by,
    held_on: date | None,
    kind: str,
    attendees=(),
    coaches=(),
    other_attendees: str = "",
    agreements: str = "",
    notes: str = "",
) -> CoachingSession:
    partnership = session.partnership
    require_editor(partnership, by)
    errors = _session_errors(partnership, held_on=held_on, kind=kind, attendees=attendees)
    if errors:
        raise ValidationError(errors)
    fields = {"held_on": held_on, "kind": kind, "other_attendees": other_attendees,
              "agreements": agreements, "notes": notes}  # fmt: skip
    _save_session(session, by=by, attendees=attendees, coaches=coaches, fields=fields)
    audit.record(
        actor=by,
        action="session.changed",
        target=partnership,
        data={"session": session.pk, "kind": kind, "held_on": held_on},
    )
    return session


def _action_errors(partnership, *, description, owner, due_on, session, commitment) -> dict:
    errors = {}
    if not (description or "").strip():
        errors["description"] = _("Beschrijf de actie.")
    if owner is None or owner.side not in Side.values:
        errors["owner"] = _("Kies wie deze actie uitvoert: een partij of het programmateam.")
    elif owner.side == Side.PARTY and (
        owner.party is None or owner.party.partnership_id != partnership.pk
    ):
        errors["owner"] = _("Kies een partij die in deze proeftuin meedoet.")
    if due_on is None:
        errors["due_on"] = _("Vul in wanneer de actie klaar moet zijn.")
    if session is not None and session.partnership_id != partnership.pk:
        errors["session"] = _("Deze sessie hoort bij een andere proeftuin.")
    if commitment is not None and commitment.letter.partnership_id != partnership.pk:
        errors["commitment"] = _("Deze toezegging hoort bij een andere proeftuin.")
    return errors


@transaction.atomic
def create_action(
    *,
    partnership: Partnership,
    by,
    description: str,
    owner: Owner | None,
    due_on: date | None,
    session: CoachingSession | None = None,
    commitment=None,
) -> ActionItem:
    """Add an action with an owner (a party of the proeftuin) and a due date."""
    require_editor(partnership, by)
    errors = _action_errors(
        partnership,
        description=description,
        owner=owner,
        due_on=due_on,
        session=session,
        commitment=commitment,
    )
    if errors:
        raise ValidationError(errors)
    action = ActionItem(
        partnership=partnership,
        description=description.strip(),
        owner_side=owner.side,
        owner_party=owner.party if owner.side == Side.PARTY else None,
        due_on=due_on,
        session=session,
        commitment=commitment,
        created_by=_user(by),
    )
    action.full_clean()
    action.save()
    audit.record(
        actor=by,
        action="action.created",
        target=action,
        data={"owner": owner.side, "due_on": due_on},
    )
    return action


@transaction.atomic
def change_action(
    *,
    action: ActionItem,
    by,
    description: str,
    owner: Owner | None,
    due_on: date | None,
    status: str,
    session: CoachingSession | None = None,
    commitment=None,
) -> ActionItem:
    """Change an action (staff). A new due date means a new reminder when it passes."""
    partnership = action.partnership
    require_editor(partnership, by)
    errors = _action_errors(
        partnership,
        description=description,
        owner=owner,
        due_on=due_on,
        session=session,
        commitment=commitment,
    )
    if status not in ActionItem.Status.values:
        errors["status"] = _("Kies een geldige status.")
    if errors:
        raise ValidationError(errors)
    if due_on != action.due_on:
        action.reminded_at = None
    _apply_status(action, status, by)
    action.description, action.due_on = description.strip(), due_on
    action.owner_side = owner.side
    action.owner_party = owner.party if owner.side == Side.PARTY else None
    action.session, action.commitment = session, commitment
    action.full_clean()
    action.save()
    audit.record(
        actor=by,
        action="action.changed",
        target=action,
        data={"owner": owner.side, "due_on": due_on, "status": status},
    )
    return action


def _apply_status(action: ActionItem, status: str, by) -> None:
    if status == ActionItem.Status.DONE and action.status != status:
        action.completed_on, action.completed_by = _today(), _user(by)
    elif status != ActionItem.Status.DONE:
        action.completed_on, action.completed_by = None, None
    action.status = status


@transaction.atomic
def complete_action(*, action: ActionItem, by, done: bool = True) -> ActionItem:
    """Tick an action off (or open it again). Members only for their own side."""
    if by is not None and not ActionRules(by, action.partnership).can_complete(action):
        raise NotAllowed(
            _(
                "U kunt alleen acties van uw eigen organisatie afvinken. Deze actie is van "
                "%(owner)s."
            )
            % {"owner": action.owner_label}
        )
    if action.status == ActionItem.Status.CANCELLED:
        raise PartnershipError(_("Deze actie is vervallen en kan niet worden afgevinkt."))
    target = ActionItem.Status.DONE if done else ActionItem.Status.OPEN
    if action.status == target:
        return action
    _apply_status(action, target, by)
    action.save(update_fields=["status", "completed_on", "completed_by", "updated_at"])
    audit.record(
        actor=by,
        action="action.completed" if done else "action.reopened",
        target=action,
        data={"owner": action.owner_side},
    )
    return action


def reminder_recipients(action: ActionItem) -> tuple[list[str], list[str]]:
    """(to, cc): the accounts of the owning organisation, and the proeftuin's coaches.

    An action of the programme team goes to the coaches only.
    """
    partnership = action.partnership
    coaches = sorted({c.email for c in partnership.coaches.all() if c.is_active})
    organisation_id = {
        Side.BUYER: partnership.buyer_id,
        Side.SUPPLIER: partnership.supplier_id,
        Side.PARTY: action.owner_party.organisation_id if action.owner_party else None,
    }.get(action.owner_side)
    if organisation_id is None:
        return coaches, []
    owners = sorted(
        set(
            Contact.objects.filter(
                organisation_id=organisation_id, user__isnull=False, user__is_active=True
            ).values_list("user__email", flat=True)
        )
    )
    return (owners, coaches) if owners else (coaches, [])


@transaction.atomic
def send_overdue_reminders(*, today: date | None = None) -> int:
    """Remind the owners of every overdue action that has not had a reminder; returns how many.

    Idempotent: each action is marked (``reminded_at``) in the same transaction, and the mail
    leaves only after the commit. Moving the due date resets the mark.
    """
    from inkoopkracht.partnerships.tasks import send_action_reminder

    today = today or _today()
    due = (
        ActionItem.objects.overdue(today)
        .filter(reminded_at__isnull=True)
        .select_for_update()
        .order_by("pk")
    )
    count = 0
    now = timezone.now()
    for action in due:
        action.reminded_at = now
        action.save(update_fields=["reminded_at"])
        audit.record(actor=None, action="action.reminded", target=action)
        transaction.on_commit(lambda pk=action.pk: send_action_reminder.enqueue(action_id=pk))
        count += 1
    return count
