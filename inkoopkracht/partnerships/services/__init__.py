"""Every write to proeftuinen, split by topic; import as ``from inkoopkracht.partnerships import
services`` and call ``services.create_partnership(...)`` or ``services.plan.advance_step(...)``.

core         proeftuinen, contracts, status and step changes, coaches
plan         the checklist per step, moving on to the next step
agreement    the letter of intent, its signature, following up commitments
coaching     coaching sessions, actions, reminders for overdue actions
bottlenecks  the bottlenecks register
"""

from . import agreement, bottlenecks, coaching, plan
from .core import (
    NotAllowed,
    PartnershipError,
    assign_coach,
    change_status,
    change_step,
    check_step_move,
    create_contract,
    create_partnership,
    require_editor,
    save_partnership_form,
)

__all__ = [
    "NotAllowed",
    "PartnershipError",
    "agreement",
    "assign_coach",
    "bottlenecks",
    "change_status",
    "change_step",
    "check_step_move",
    "coaching",
    "create_contract",
    "create_partnership",
    "plan",
    "require_editor",
    "save_partnership_form",
]
