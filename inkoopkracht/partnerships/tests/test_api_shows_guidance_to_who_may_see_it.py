"""The API serves the plan, the letter of intent and the actions of a proeftuin to whoever may
see the proeftuin, and a 404 to anyone else."""

import pytest

from inkoopkracht.partnerships.tests.factories import make_action, make_letter

pytestmark = pytest.mark.django_db


def test_member_reads_plan_letter_and_actions(client_for, buyer_member, partnership_a):
    make_letter(partnership=partnership_a)
    make_action(partnership=partnership_a, side="buyer", description="Takenlijst maken")
    client = client_for(buyer_member)
    base = f"/api/v1/proeftuinen/{partnership_a.pk}"
    plan = client.get(f"{base}/plan/").json()
    assert [step["number"] for step in plan] == list(range(1, 10))
    assert plan[0]["state"] == "bezig"
    assert plan[1]["checklist"][-1]["text"] == "De intentieverklaring is ondertekend"
    letter = client.get(f"{base}/intentieverklaring/").json()
    assert letter["ambition_jobs"] == 6.0
    assert {c["side"] for c in letter["commitments"]} == {"buyer", "supplier"}
    actions = client.get(f"{base}/acties/").json()["items"]
    assert actions[0]["owner"] == partnership_a.buyer.name


def test_outsider_gets_404(client_for, outsider, partnership_a):
    make_letter(partnership=partnership_a)
    client = client_for(outsider)
    for path in ("plan/", "intentieverklaring/", "acties/"):
        assert client.get(f"/api/v1/proeftuinen/{partnership_a.pk}/{path}").status_code == 404


def test_no_letter_yet_is_404(client_for, coach, partnership_a):
    response = client_for(coach).get(f"/api/v1/proeftuinen/{partnership_a.pk}/intentieverklaring/")
    assert response.status_code == 404
