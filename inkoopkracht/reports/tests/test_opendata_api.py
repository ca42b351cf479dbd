"""The open data in the API: no login, the same records, a schema in OpenAPI."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def test_anyone_reads_the_open_data(client, programme):
    response = client.get("/api/v1/open-data/resultaten")
    assert response.status_code == 200
    data = response.json()
    download = client.get("/resultaten/open-data/resultaten.json").json()
    assert data["records"] == download["records"]
    assert data["metadata"]["licentie"]["id"] == "CC0-1.0"
    assert data["metadata"]["peildatum"] == "2026-12-05"


def test_csv_from_the_api(client, programme):
    response = client.get("/api/v1/open-data/resultaten.csv", {"periode": "2026-Q2"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    download = client.get("/resultaten/open-data/resultaten.csv", {"periode": "2026-Q2"})
    assert response.content == download.content
    assert {r["periode"] for r in rows if r["tabel"] == "banen_per_cohort"} == {"2026-Q2"}


@pytest.mark.parametrize(
    ("code", "fragment"),
    [("2026-Q9", "Onbekende periode"), ("2019-Q1", "geen cijfers gepubliceerd")],
)
def test_bad_period_is_a_clear_400(client, programme, code, fragment):
    for path in ("/api/v1/open-data/resultaten", "/api/v1/open-data/resultaten.csv"):
        response = client.get(path, {"periode": code})
        assert response.status_code == 400
        assert fragment in response.json()["detail"]


def test_openapi_describes_the_open_data(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/open-data/resultaten"]["get"]
    assert "security" not in operation or operation["security"] in ([], [{}])
    reference = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    name = reference.rsplit("/", 1)[-1]
    assert set(schema["components"]["schemas"][name]["properties"]) == {"metadata", "records"}
    assert "/api/v1/open-data/resultaten.csv" in schema["paths"]
