"""After a write that changes a proeftuin's figures: refresh its precomputed overview rows in
the background once the transaction commits (``tasks.refresh_overview_rows``), so that the
team's next view of the overview need not."""

from django.db import transaction


def refresh_overview_after_commit(partnership_id: int) -> None:
    from inkoopkracht.monitoring.tasks import refresh_overview_rows  # tasks import services

    ids = [partnership_id]
    transaction.on_commit(lambda: refresh_overview_rows.enqueue(partnership_ids=ids))
