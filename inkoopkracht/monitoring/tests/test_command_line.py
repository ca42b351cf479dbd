"""The command line: ``monitor`` prints the figures, ``import-placements`` imports a file."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inkoopkracht.cli import command_argv
from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.models import Placement
from inkoopkracht.monitoring.periods import Period

from .conftest import dutch_csv
from .factories import make_placement

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def figures(partnership_a, partnership_b):
    from inkoopkracht.partnerships.models import Partnership

    Partnership.objects.update(status=Partnership.Status.ACTIVE)
    make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1))
    make_placement(partnership=partnership_b, starts_on=date(2026, 8, 16), hours="12.75")


def test_monitor_prints_a_table_with_every_proeftuin_and_the_total(figures, partnership_a):
    output = run("monitor", "--period", "2026-Q3")
    for column in (
        "banen_gemiddeld",
        "banen_einde",
        "personen",
        "baseline",
        "extra_banen",
        "ambition",
        "progress",
    ):
        assert column in output
    assert "Proeftuin A" in output
    assert "Proeftuin B" in output
    assert "Totaal" in output
    assert "1.50" in output


def test_monitor_as_json_for_one_proeftuin_under_the_one_agreement_regime(figures, partnership_a):
    data = json.loads(
        run(
            "monitor",
            "--period",
            "2026-Q3",
            "--proeftuin",
            str(partnership_a.pk),
            "--regime",
            "one",
            "--format",
            "json",
        )
    )
    assert data["regime"] == "one"
    assert [row["proeftuin"] for row in data["proeftuinen"]] == [partnership_a.pk]
    assert data["proeftuinen"][0]["banen_einde"] == "1.00"
    assert data["proeftuinen"][0]["banen_einde_landelijk"] == "1.00"


def test_monitor_as_csv_and_the_frozen_figures_of_an_approved_quarter(
    figures, partnership_a, supplier_member, buyer_member
):
    reporting_round = services.open_round(
        partnership=partnership_a, period=Period(2026, 3), by=supplier_member
    )
    services.submit_round(reporting_round=reporting_round, by=supplier_member)
    services.approve_round(reporting_round=reporting_round, by=buyer_member)
    make_placement(partnership=partnership_a, starts_on=date(2026, 2, 1))
    lines = run("monitor", "--period", "2026-Q3", "--format", "csv").splitlines()
    assert lines[0].startswith("proeftuin,naam,bron,banen_gemiddeld,banen_einde")
    row_a = next(line for line in lines if "Proeftuin A" in line)
    assert ",goedgekeurd,1.00,1.00,1," in row_a
    live = run("monitor", "--period", "2026-Q3", "--format", "csv", "--live").splitlines()
    assert ",voorlopig,2.00,2.00,2," in next(line for line in live if "Proeftuin A" in line)


def test_monitor_refuses_a_bad_period_or_unknown_proeftuin(figures):
    with pytest.raises(CommandError, match="Onbekende periode"):
        run("monitor", "--period", "2026-Q7")
    with pytest.raises(CommandError, match="Onbekende proeftuin: 999"):
        run("monitor", "--proeftuin", "999")


def test_hyphenated_command_names_run_the_underscored_command():
    assert command_argv(["inkoopkracht", "import-placements", "--proeftuin", "1", "f.csv"]) == [
        "inkoopkracht", "import_placements", "--proeftuin", "1", "f.csv",
    ]  # fmt: skip
    assert command_argv(["inkoopkracht", "runserver"]) == ["inkoopkracht", "runserver"]
    assert command_argv(["inkoopkracht", "--help"]) == ["inkoopkracht", "--help"]


def test_import_placements_dry_run_stores_nothing_then_imports(tmp_path, partnership_a):
    path = tmp_path / "plaatsingen.csv"
    path.write_bytes(
        dutch_csv([["CLI-1", "Medewerker", "direct", "nee", "20", "01-03-2026", "", "05-03-2026"]])
    )
    output = run("import_placements", "--proeftuin", str(partnership_a.pk), str(path), "--dry-run")
    assert "1 nieuw" in output
    assert not Placement.objects.exists()
    output = run("import_placements", "--proeftuin", str(partnership_a.pk), str(path))
    assert "Verwerkt in één transactie" in output
    assert Placement.objects.get().reference == "CLI-1"
    assert "0 nieuw, 0 gewijzigd, 0 beëindigd, 1 ongewijzigd" in run(
        "import_placements", "--proeftuin", str(partnership_a.pk), str(path)
    )


def test_import_placements_with_errors_fails_and_stores_nothing(tmp_path, partnership_a):
    path = tmp_path / "plaatsingen.csv"
    path.write_bytes(
        dutch_csv([["CLI-1", "Medewerker", "direct", "nee", "0", "01-03-2026", "", ""]])
    )
    errors = StringIO()
    with pytest.raises(CommandError, match="fouten"):
        call_command(
            "import_placements",
            "--proeftuin",
            str(partnership_a.pk),
            str(path),
            stdout=StringIO(),
            stderr=errors,
        )
    assert "rij 2, kolom uren_per_week" in errors.getvalue()
    assert not Placement.objects.exists()
    with pytest.raises(CommandError, match="Onbekende proeftuin"):
        run("import_placements", "--proeftuin", "999", str(path))
