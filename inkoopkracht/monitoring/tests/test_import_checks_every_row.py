"""Import: every row and column is checked, with a Dutch message; a file with errors stores nothing."""

from datetime import date

import pytest

from inkoopkracht.monitoring.importing import build_plan
from inkoopkracht.monitoring.models import Placement
from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.models import PartnershipParty
from inkoopkracht.partnerships.tests.factories import make_organisation

from .conftest import HEADER, dutch_csv
from .factories import make_placement

pytestmark = pytest.mark.django_db

GOOD = ["HW-001", "Medewerker schoonmaak", "direct", "nee", "25,5", "01-03-2026", "", "15-03-2026"]


def plan_for(partnership, data, name="plaatsingen.csv"):
    return build_plan(partnership, data, name, today=date(2026, 11, 26))


def errors(plan):
    return [(e.row, e.column, e.message) for e in plan.errors]


def test_a_good_dutch_excel_file_has_no_errors(partnership_a):
    plan = plan_for(partnership_a, dutch_csv([GOOD]))
    assert plan.is_valid
    assert plan.counts()["nieuw"] == 1


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (4, "0", "meer dan 0 en hoogstens 60"),
        (4, "61", "meer dan 0 en hoogstens 60"),
        (4, "veel", "Geen getal"),
        (5, "31-02-2026", "Geen geldige datum"),
        (2, "stagiair", "Onbekende waarde"),
        (3, "misschien", "Vul ja of nee in"),
        (0, "Jan de Vries", "zonder spaties"),
        (0, "123456782", "lijkt op een BSN"),
        (0, "01-02-1990", "lijkt op een datum"),
        (1, '=HYPERLINK("x")', "formule"),
        (1, "@SUM(A1)", "formule"),
        (1, "+A1+B1", "formule"),
        (1, "-1+1", "formule"),
        (7, "01-01-2030", "in de toekomst"),
    ],
)
def test_bad_cells_are_reported_by_row_and_column(partnership_a, column, value, message):
    row = list(GOOD)
    row[column] = value
    plan = plan_for(partnership_a, dutch_csv([["OK-1", *GOOD[1:]], row]))
    assert not plan.is_valid
    assert len(plan.errors) == 1
    assert plan.errors[0].row == 3
    assert message in plan.errors[0].message
    assert plan.operations == []


def test_a_value_that_looks_like_a_bsn_is_refused_in_any_column(partnership_a):
    row = list(GOOD)
    row[1] = "111 222 333"
    assert "BSN" in errors(plan_for(partnership_a, dutch_csv([row])))[0][2]


def test_an_end_before_the_start_is_an_error(partnership_a):
    row = list(GOOD)
    row[6] = "01-02-2026"
    assert errors(plan_for(partnership_a, dutch_csv([row]))) == [
        (2, "einddatum", "De einddatum ligt vóór de startdatum.")
    ]


def test_a_new_placement_needs_a_start_date_and_hours(partnership_a):
    row = list(GOOD)
    row[4] = row[5] = ""
    found = errors(plan_for(partnership_a, dutch_csv([row])))
    assert [(r, c) for r, c, _m in found] == [(2, "uren_per_week"), (2, "startdatum")]


def test_a_reference_twice_in_one_file_is_an_error(partnership_a):
    plan = plan_for(partnership_a, dutch_csv([GOOD, GOOD]))
    assert errors(plan) == [
        (3, "referentie", "Deze referentie staat al in rij 2 (bij dezelfde werkgever).")
    ]


def test_an_unknown_contract_reference_is_an_error(partnership_a, contract_reference):
    header = ["referentie", "uren_per_week", "startdatum", "contracten"]
    plan = plan_for(
        partnership_a,
        dutch_csv([["A-1", "20", "01-03-2026", f"{contract_reference}|ONBEKEND-9"]], header),
    )
    assert "Onbekend contract ‘ONBEKEND-9’" in plan.errors[0].message
    assert contract_reference in plan.errors[0].message


def test_an_employer_that_is_not_a_party_of_the_proeftuin_is_an_error(partnership_a):
    stranger = make_organisation(kind=Organisation.Kind.SUPPLIER)
    header = ["referentie", "uren_per_week", "startdatum", "werkgever_kvk"]
    plan = plan_for(
        partnership_a, dutch_csv([["A-1", "20", "01-03-2026", stranger.kvk_number]], header)
    )
    assert errors(plan)[0][1] == "werkgever_kvk"
    assert "geen KvK-nummer of OIN van een partij" in errors(plan)[0][2]


def test_a_reference_the_employer_uses_in_another_proeftuin_is_an_error(
    partnership_a, partnership_b
):
    other = make_placement(
        partnership=partnership_b, reference="GEDEELD-1", employer=partnership_b.supplier
    )
    PartnershipParty.objects.create(
        partnership=partnership_a, organisation=partnership_b.supplier, role="onderaannemer"
    )
    header = ["referentie", "uren_per_week", "startdatum", "werkgever_kvk"]
    plan = plan_for(
        partnership_a,
        dutch_csv([["GEDEELD-1", "20", "01-03-2026", other.employer.kvk_number]], header),
    )
    assert "al in een andere proeftuin" in plan.errors[0].message


@pytest.mark.parametrize(
    "column",
    ["naam", "achternaam", "bsn", "burgerservicenummer", "geboortedatum", "geb_datum", "Voornaam"],
)
def test_a_name_bsn_or_birth_date_column_refuses_the_whole_file(partnership_a, column):
    plan = plan_for(partnership_a, dutch_csv([[*GOOD, "x"]], [*HEADER, column]))
    assert "persoonsgegevens" in plan.file_error
    assert not plan.is_valid


def test_an_unknown_column_refuses_the_file_and_names_the_template_columns(partnership_a):
    plan = plan_for(partnership_a, dutch_csv([["A-1", "x"]], ["referentie", "opmerking"]))
    assert "Onbekende kolom ‘opmerking’" in plan.file_error
    assert "doelgroepregister_bevestigd_op" in plan.file_error


def test_a_file_without_reference_column_or_rows_is_refused(partnership_a):
    assert "referentie" in plan_for(partnership_a, dutch_csv([["x"]], ["functie"])).file_error
    assert "geen plaatsingen" in plan_for(partnership_a, dutch_csv([])).file_error


def test_a_file_in_another_encoding_is_refused(partnership_a):
    data = "referentie;uren_per_week\nA-1;20\n".encode("utf-16-le")
    assert "tekenset" in plan_for(partnership_a, data).file_error


def test_a_file_over_the_size_limit_is_refused(partnership_a, settings):
    settings.IMPORT_MAX_BYTES = 50
    assert "te groot" in plan_for(partnership_a, dutch_csv([GOOD, GOOD])).file_error


def test_checking_stores_nothing(partnership_a):
    plan_for(partnership_a, dutch_csv([GOOD]))
    assert not Placement.objects.exists()
