"""Fixtures of the events tests."""

import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): ...``: run the mails and tasks a service leaves for after commit."""

    def _committed():
        return django_capture_on_commit_callbacks(execute=True)

    return _committed
