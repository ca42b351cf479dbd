"""API: figures of a visible proeftuin (suppressed for members), imports with a personal access
token scoped to one proeftuin, and idempotency keys on writes."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.models import ImportJob, Placement

from .conftest import dutch_csv
from .factories import make_placement

pytestmark = pytest.mark.django_db

ROWS = [["API-1", "Medewerker", "direct", "nee", "25,5", "01-03-2026", "", "10-03-2026"]]


def figures_url(partnership, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/api/v1/monitoring/proeftuinen/{partnership.pk}/cijfers" + (
        f"?{query}" if query else ""
    )


def test_members_get_figures_with_small_numbers_suppressed(client_for, buyer_member, partnership_a):
    for _index in range(2):
        make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1))
    data = client_for(buyer_member).get(figures_url(partnership_a, periode="2026-Q3")).json()
    assert data["periode"] == "2026-Q3"
    assert data["bron"] == "voorlopig"
    assert data["banen_einde"] is None
    assert data["personen"] is None
    assert "banen_einde" in data["onderdrukt"]
    assert data["nulmeting"] == "0.00"


def test_the_programme_team_gets_exact_figures_under_either_regime(
    client_for, programme_admin, partnership_a
):
    for _index in range(2):
        make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1))
    client = client_for(programme_admin)
    data = client.get(figures_url(partnership_a, periode="2026-Q3", regime="split")).json()
    assert data["banen_einde"] == "2.00"
    assert data["onderdrukt"] == []
    assert [p["deel"] for p in data["telt_voor"]] == ["overheid", "markt"]
    one = client.get(figures_url(partnership_a, periode="2026", regime="one")).json()
    assert [p["deel"] for p in one["telt_voor"]] == ["landelijk"]


def test_bad_period_and_invisible_proeftuin(client_for, outsider, partnership_a):
    client = client_for(outsider)
    assert client.get(figures_url(partnership_a)).status_code == 404
    assert client.get("/api/v1/monitoring/proeftuinen/999999/cijfers").status_code == 404


def test_anonymous_callers_get_401(client, partnership_a):
    assert client.get(figures_url(partnership_a)).status_code == 401


def test_a_bad_period_is_a_400_with_a_dutch_message(client_for, programme_admin, partnership_a):
    response = client_for(programme_admin).get(figures_url(partnership_a, periode="2026-Q9"))
    assert response.status_code == 400
    assert "Onbekende periode" in response.json()["detail"]


@pytest.fixture
def token(supplier_member, partnership_a):
    _token, key = services.create_token(
        partnership=partnership_a, by=supplier_member, name="Salarissysteem"
    )
    return key


def bearer(key):
    return {"Authorization": f"Bearer {key}"}


def upload(client, partnership, key, data, **headers):
    return client.post(
        f"/api/v1/monitoring/proeftuinen/{partnership.pk}/importen",
        {"file": SimpleUploadedFile("plaatsingen.csv", data)},
        headers={**bearer(key), **headers},
    )


def test_a_token_uploads_checks_and_confirms_an_import(client, partnership_a, token):
    response = upload(
        client, partnership_a, token, dutch_csv(ROWS), **{"Idempotency-Key": "upload-1"}
    )
    assert response.status_code == 201, response.content
    job = response.json()
    assert job["status"] == "gecontroleerd"
    assert job["aantallen"]["nieuw"] == 1
    assert not Placement.objects.exists()
    confirm = f"/api/v1/monitoring/proeftuinen/{partnership_a.pk}/importen/{job['id']}/bevestigen"
    done = client.post(confirm, headers={**bearer(token), "Idempotency-Key": "confirm-1"})
    assert done.status_code == 200
    assert done.json()["status"] == "verwerkt"
    assert Placement.objects.get().reference == "API-1"
    again = client.post(confirm, headers={**bearer(token), "Idempotency-Key": "confirm-1"})
    assert again.status_code == 200
    assert again.json() == done.json()
    assert AuditRecord.objects.filter(action="import.applied").count() == 1


def test_the_same_idempotency_key_gives_the_same_answer_and_changes_nothing(
    client, partnership_a, token
):
    first = upload(client, partnership_a, token, dutch_csv(ROWS), **{"Idempotency-Key": "k-1"})
    second = upload(client, partnership_a, token, dutch_csv(ROWS), **{"Idempotency-Key": "k-1"})
    assert second.json() == first.json()
    assert ImportJob.objects.count() == 1
    other = upload(
        client,
        partnership_a,
        token,
        dutch_csv([["API-2", *ROWS[0][1:]]]),
        **{"Idempotency-Key": "k-1"},
    )
    assert other.status_code == 409


def test_a_file_with_errors_is_reported_row_by_row(client, partnership_a, token):
    bad = [[*ROWS[0][:4], "99", *ROWS[0][5:]]]
    job = upload(client, partnership_a, token, dutch_csv(bad)).json()
    assert job["status"] == "afgekeurd"
    assert job["fouten"] == [
        {
            "row": 2,
            "column": "uren_per_week",
            "message": "Vul een aantal uren per week in van meer dan 0 en hoogstens 60.",
        }
    ]


def test_a_token_works_only_for_its_own_proeftuin(client, partnership_b, token):
    assert client.get(figures_url(partnership_b), headers=bearer(token)).status_code == 404
    assert upload(client, partnership_b, token, dutch_csv(ROWS)).status_code == 404


def test_a_revoked_or_unknown_token_is_refused(client, supplier_member, partnership_a, token):
    from inkoopkracht.monitoring.models import ApiToken

    services.revoke_token(token=ApiToken.objects.get(), by=supplier_member)
    assert client.get(figures_url(partnership_a), headers=bearer(token)).status_code == 401
    assert client.get(figures_url(partnership_a), headers=bearer("ikt_onzin")).status_code == 401


def test_the_buyer_cannot_upload(client_for, buyer_member, partnership_a):
    response = client_for(buyer_member).post(
        f"/api/v1/monitoring/proeftuinen/{partnership_a.pk}/importen",
        {"file": SimpleUploadedFile("plaatsingen.csv", dutch_csv(ROWS))},
    )
    assert response.status_code == 404


def test_the_openapi_document_describes_the_monitoring_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/monitoring/proeftuinen/{partnership_id}/cijfers" in paths
    assert "/api/v1/monitoring/proeftuinen/{partnership_id}/importen/{job_id}/bevestigen" in paths
