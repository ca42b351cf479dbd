"""Every audit action the events app writes has a Dutch label, and the roles can do their work."""

import re
from pathlib import Path

import pytest
from django.apps import apps

SOURCE = Path(__file__).resolve().parent.parent


def test_every_action_in_the_code_has_a_label():
    labels = apps.get_app_config("events").audit_actions
    written = set()
    for path in SOURCE.rglob("*.py"):
        if "tests" in path.parts:
            continue
        written |= set(re.findall(r'action="([a-z_]+\.[a-z_]+)"', path.read_text()))
    assert written, "no actions found"
    assert written <= set(labels), written - set(labels)


@pytest.mark.django_db
def test_roles_get_the_declared_permissions(programme_admin, coach):
    assert programme_admin.has_perm("events.add_registration")
    assert programme_admin.has_perm("events.change_event")
    assert coach.has_perm("events.change_registration")  # check-in at the door
    assert not coach.has_perm("events.change_event")
    assert not coach.has_perm("events.add_registration")
