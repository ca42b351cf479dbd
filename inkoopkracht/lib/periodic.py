"""Periodic jobs: tasks that must run regularly (reminders, expiries, retention purges).

An app marks a django-tasks task as periodic in its ``tasks.py``::

    from django_tasks import task
    from inkoopkracht.lib.periodic import periodic

    @periodic("events.send_reminders")
    @task()
    def send_reminders() -> int: ...

``inkoopkracht run_periodic`` enqueues every periodic task once (cron or a systemd timer runs
it every 15 minutes; ``--loop SECONDS`` keeps it running, as ``inkoopkracht demo`` does). A
periodic task takes no arguments and must be idempotent: it finds what is due *now* and marks
what it handled (e.g. ``reminder_sent_at``), so running it twice, or late, is harmless.
"""

from importlib import import_module
from importlib.util import find_spec

_JOBS: dict[str, object] = {}


def periodic(name: str):
    """Register a django-tasks ``Task`` (decorate it after ``@task()``) under ``name``."""

    def register(task):
        _JOBS[name] = task
        return task

    return register


def discover() -> dict[str, object]:
    """Import the ``tasks`` module of every installed app of ours, then return the jobs."""
    from django.apps import apps

    for config in apps.get_app_configs():
        if config.name.startswith("inkoopkracht.") and find_spec(f"{config.name}.tasks"):
            import_module(f"{config.name}.tasks")
    return dict(sorted(_JOBS.items()))
