"""Background work of proeftuinen: reminders for overdue actions (periodic, idempotent)."""

import logging

from django_tasks import task

from inkoopkracht.lib.mail import build_templated_mail
from inkoopkracht.lib.periodic import periodic

from .models import ActionItem

logger = logging.getLogger(__name__)


@periodic("partnerships.remind_overdue_actions")
@task()
def remind_overdue_actions() -> int:
    """Mark every overdue action without a reminder and mail its owners (once per due date)."""
    from .services import coaching

    return coaching.send_overdue_reminders()


@task()
def send_action_reminder(action_id: int) -> None:
    """Mail the reminder of one overdue action to its owners, with the coaches in copy."""
    from .services.coaching import reminder_recipients

    action = ActionItem.objects.with_context().filter(pk=action_id).first()
    if action is None or action.status != ActionItem.Status.OPEN:
        return
    to, cc = reminder_recipients(action)
    if not to:
        logger.warning("Action %s is overdue but has nobody to remind.", action_id)
        return
    message = build_templated_mail(
        "partnerships/email/action_overdue",
        to=to,
        context={"action": action, "partnership": action.partnership},
    )
    message.cc = cc
    message.send()


@periodic("partnerships.purge_closed_records")
@task()
def purge_closed_records() -> int:
    """Erase coaching notes, names of other attendees and signed letters of proeftuinen that
    ended longer ago than their retention period (data inventory). Agreements stay: they hold
    no personal data and document what the partnership did."""
    from .services.retention import purge_closed_records as purge

    return purge()
