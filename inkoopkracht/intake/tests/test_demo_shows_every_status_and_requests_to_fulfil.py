"""The demo: applications in every status, a pair accepted into cohort 2, requests to fulfil."""

import pytest
from django.core.management import call_command

from inkoopkracht.intake.models import Application, GuideOrder, InformationRequest

pytestmark = pytest.mark.django_db


def test_the_demo_loads_every_status_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        call_command("load_demo", verbosity=0)
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == set(Application.Status.values)
    accepted = Application.objects.get(status=Application.Status.ACCEPTED)
    assert accepted.kind == Application.Kind.PAIR
    assert accepted.partnership.cohort.number == 2
    assert accepted.partnership.supplier.kvk_number == "91000002"  # matched in the register
    assert Application.objects.filter(kind=Application.Kind.SUPPLIER,
                                      status=Application.Status.NEW).exists()  # fmt: skip
    assert GuideOrder.objects.filter(status=GuideOrder.Status.TO_SEND).count() == 3
    assert GuideOrder.objects.filter(status=GuideOrder.Status.SENT).count() == 2
    assert InformationRequest.objects.filter(status=InformationRequest.Status.OPEN).exists()

    counts = (Application.objects.count(), GuideOrder.objects.count())
    with django_capture_on_commit_callbacks(execute=False):
        call_command("load_demo", verbosity=0)
    assert (Application.objects.count(), GuideOrder.objects.count()) == counts
