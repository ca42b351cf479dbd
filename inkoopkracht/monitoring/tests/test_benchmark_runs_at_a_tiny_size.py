"""The national-scale benchmark (benchmarks/, docs/performance.md) still runs: generator and
every measurement at a tiny size, DuckDB agreeing with the engine. Nothing here is timed."""

import io
from datetime import date

import pytest
from django.db import connection

from benchmarks import measure
from benchmarks.generate import Sizes, generate
from benchmarks.report import render
from benchmarks.run import machine
from inkoopkracht.monitoring.models import Placement, PlacementHours


@pytest.fixture
def tiny(db):
    return generate(Sizes(proeftuinen=12, placements=150, seed=3), out=io.StringIO())


def test_generator_builds_placements_with_consecutive_hours(tiny):
    assert tiny["proeftuinen"] == 12
    assert Placement.objects.count() == 150
    assert PlacementHours.objects.count() > 150  # some hour changes
    placement = Placement.objects.order_by("pk").first()
    history = list(placement.hours.order_by("starts_on"))
    assert history[0].starts_on == placement.starts_on
    assert history[-1].ends_on is None
    assert all(
        date(2019, 1, 1) <= p.starts_on <= date(2026, 9, 30) for p in Placement.objects.all()
    )
    assert Placement.objects.filter(register_confirmed_on__isnull=True).exists()


def test_every_measurement_gives_a_result_and_duckdb_agrees(tiny, tmp_path):
    engine = measure.measure_engine(repeat=1)
    sums = engine.pop("sums")
    duck = measure.measure_duckdb(tmp_path / "duckdb", sums, repeat=1)
    assert duck["agrees"]
    assert duck["groups"] > 0
    overview = measure.measure_overview(repeat=1)
    assert overview["proeftuinen"] == 12
    path = measure.write_import_csv(tmp_path / "import.csv", 40)
    imported = measure.measure_import(path)
    assert imported["applied"], imported["errors"]
    assert imported["rows"] == 40
    assert Placement.objects.count() == 150  # rolled back
    copied = measure.measure_copy(path)
    if connection.vendor == "postgresql":
        assert copied["rows"] == 40
    else:
        assert copied is None
    results = {
        "machine": machine(),
        "counts": measure.dataset_counts(),
        "small_counts": measure.dataset_counts(),
        "engine": engine,
        "duckdb": duck,
        "overview": overview,
        "overview_small": overview,
        "imports": [{"rows": 40, "file_mb": 0.01, "import": imported, "copy": copied}],
    }
    text = render(results)
    assert "(a) import 40 rows" in text
    assert "sums agree: yes" in text
