"""run_periodic enqueues every task registered with @periodic."""

import pytest
from django.core.management import call_command
from django_tasks import task

from inkoopkracht.lib import periodic as periodic_module

CALLS = []


@task()
def _probe() -> None:
    CALLS.append("ran")


@pytest.mark.django_db
def test_run_periodic_enqueues_registered_tasks(monkeypatch, capsys):
    monkeypatch.setitem(periodic_module._JOBS, "test.probe", _probe)
    CALLS.clear()
    call_command("run_periodic")
    assert CALLS == ["ran"]
    assert "test.probe" in capsys.readouterr().out
