"""Every change to monitoring data: one transaction, an audit record, a Dutch error.

Split by subject: placements and their hours, reporting rounds, imports, API tokens. Views,
the API, tasks and commands call these functions and nothing else to write.
"""

from .errors import MonitoringError
from .imports import (
    apply_import,
    check_import,
    import_directly,
    purge_import_files,
    receive_import,
    run_apply,
)
from .placements import (
    change_hours,
    create_placement,
    delete_placement,
    purge_ended_placements,
    update_placement,
)
from .rounds import (
    approve_round,
    deadline_for,
    open_round,
    return_round,
    send_due_reminders,
    start_correction,
    submit_round,
)
from .tokens import create_token, recall_response, remember_response, revoke_token, use_token

__all__ = [
    "MonitoringError",
    "apply_import",
    "approve_round",
    "change_hours",
    "check_import",
    "create_placement",
    "create_token",
    "deadline_for",
    "delete_placement",
    "import_directly",
    "open_round",
    "purge_ended_placements",
    "purge_import_files",
    "recall_response",
    "receive_import",
    "remember_response",
    "return_round",
    "run_apply",
    "revoke_token",
    "send_due_reminders",
    "start_correction",
    "submit_round",
    "update_placement",
    "use_token",
]
