"""Test fixtures shared by every app: personas, fast hashing, tasks run immediately.

Personas (after healthchecks' Alice/Bob/Charlie): ``programme_admin`` runs the programme,
``coach`` coaches proeftuin A, ``buyer_member`` and ``supplier_member`` take part in proeftuin A,
and ``outsider`` is a supplier member of proeftuin B who must never see A.
"""

import pytest

from inkoopkracht.accounts.roles import Role
from inkoopkracht.accounts.tests.helpers import login_verified
from inkoopkracht.partnerships.tests.factories import make_member, make_partnership, make_user


@pytest.fixture(autouse=True)
def _fast_and_immediate(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"  # signed letters of intent


@pytest.fixture
def partnership_a(db):
    return make_partnership(name="Proeftuin A")


@pytest.fixture
def partnership_b(db):
    return make_partnership(name="Proeftuin B")


@pytest.fixture
def programme_admin(db):
    return make_user(role=Role.TEAM, email="admin@inkoopkracht.example")


@pytest.fixture
def coach(db, partnership_a):
    from inkoopkracht.partnerships.services import assign_coach

    user = make_user(role=Role.COACH, email="coach@inkoopkracht.example")
    assign_coach(partnership=partnership_a, coach=user, by=None)
    return user


@pytest.fixture
def other_coach(db):
    return make_user(role=Role.COACH, email="coach2@inkoopkracht.example")


@pytest.fixture
def buyer_member(db, partnership_a):
    return make_member(organisation=partnership_a.buyer, email="inkoper@buyer-a.example")


@pytest.fixture
def supplier_member(db, partnership_a):
    return make_member(organisation=partnership_a.supplier, email="hr@supplier-a.example")


@pytest.fixture
def outsider(db, partnership_b):
    return make_member(organisation=partnership_b.supplier, email="hr@supplier-b.example")


@pytest.fixture
def client_for(client):
    """``client_for(user)``: a test client logged in as ``user``, two-factor verified if needed."""

    def _client_for(user):
        if user is not None:
            login_verified(client, user)
        return client

    return _client_for


def pytest_collection_modifyitems(items):
    """Transactional tests must restore the data migrations' rows (steps, regions, pages).

    A flush after a transactional test empties every table; with ``serialized_rollback`` the
    reference data comes back and the role groups are not created twice.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)"
            )
