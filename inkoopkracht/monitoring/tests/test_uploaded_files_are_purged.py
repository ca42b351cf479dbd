"""Uploaded import files and their row reports are forgotten after the retention period."""

from datetime import UTC, datetime

import pytest

from inkoopkracht.monitoring import services, tasks

from .conftest import dutch_csv

pytestmark = pytest.mark.django_db


def test_files_older_than_the_retention_period_are_purged(
    supplier_member, partnership_a, time_machine, settings
):
    settings.IMPORT_RETENTION_DAYS = 7
    job = services.receive_import(
        partnership=partnership_a,
        by=supplier_member,
        filename="x.csv",
        data=dutch_csv([["A-1", "", "", "", "20", "01-03-2026", "", ""]]),
    )
    assert job.content is not None
    assert services.purge_import_files() == 0
    time_machine.move_to(datetime(2026, 12, 10, tzinfo=UTC))
    assert tasks.purge_import_files.call() == 1
    job.refresh_from_db()
    assert job.content is None
    assert job.report == {"purged": True}
    assert services.purge_import_files() == 0
