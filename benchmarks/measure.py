"""The measurements behind ``benchmarks/run.py``, one function each, on the current database.

- ``measure_import``: a placements CSV through the real import path
  (``services.import_directly``: read, check every row, plan, write in one transaction), rolled
  back afterwards so the dataset stays as generated; peak memory of the process.
- ``measure_copy``: the same file loaded with PostgreSQL ``COPY`` into a staging table and
  inserted with plain SQL (no checks), rolled back too.
- ``measure_engine``: ``compute_figures`` of one quarter for all proeftuinen, and the engine's
  two queries alone; ``measure_duckdb`` runs the same SQL in DuckDB on the same rows and says
  whether every sum agrees.
- ``measure_overview``: the programme overview (``views.staff.overview``) as a team member.
"""

import csv
import random
import resource
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

QUARTER = "2026-Q3"
IMPORT_HEADER = ["referentie", "functie", "soort_dienstverband", "vast_contract", "uren_per_week",
                 "startdatum", "einddatum", "doelgroepregister_bevestigd_op", "contracten"]  # fmt: skip


def peak_rss_mb() -> float:
    """The peak resident memory of this process so far. ``VmHWM`` where there is a /proc
    (``ru_maxrss`` keeps the parent's peak across fork and exec), else ``ru_maxrss`` (kB)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def import_target():
    """The proeftuin files are imported into: the first generated one (the supplier employs)."""
    from inkoopkracht.partnerships.models import Partnership

    return Partnership.objects.order_by("pk").select_related("supplier", "buyer").first()


def write_import_csv(path: Path, rows: int, seed: int = 7) -> Path:
    """A file as Dutch Excel saves it: semicolons, dd-mm-jjjj, decimal comma, cp1252, CRLF.
    Every row is a new placement for ``import_target()``."""
    partnership = import_target()
    contract = partnership.contracts.order_by("pk").first()
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="cp1252") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(IMPORT_HEADER)
        for n in range(rows):
            starts = date(2019, 1, 1) + timedelta(days=rng.randrange(2700))
            ends = starts + timedelta(days=rng.randrange(30, 900)) if rng.random() < 0.3 else None
            writer.writerow([
                f"IMP-{seed}-{n}", "schoonmaker",
                rng.choice(("in dienst", "in dienst", "detachering", "bbl")),
                rng.choice(("ja", "nee", "nee")),
                rng.choice(("16", "20", "24", "25,5", "32", "36")),
                f"{starts:%d-%m-%Y}", f"{ends:%d-%m-%Y}" if ends else "",
                f"{min(starts + timedelta(days=10), date(2026, 10, 1)):%d-%m-%Y}",
                contract.reference if contract else "",
            ])  # fmt: skip
    return path


class _Rollback(Exception):
    pass


def measure_import(path: Path) -> dict:
    """Import ``path`` through ``services.import_directly`` (as the CLI does), then roll back.
    The file and row limits are raised for this call only."""
    from django.conf import settings
    from django.db import transaction
    from django.test.utils import override_settings

    from inkoopkracht.monitoring.services import import_directly

    limits = {
        "IMPORT_MAX_BYTES": max(settings.IMPORT_MAX_BYTES, path.stat().st_size + 1),
        "IMPORT_MAX_ROWS": max(settings.IMPORT_MAX_ROWS, 10_000_000),
    }
    partnership = import_target()
    rss_before = peak_rss_mb()  # Django and the project loaded, nothing read yet
    data = path.read_bytes()
    started = time.perf_counter()
    result = {}
    try:
        with override_settings(**limits), transaction.atomic():
            job, plan = import_directly(
                partnership=partnership, by="benchmark", filename=path.name, data=data
            )
            result["seconds"] = time.perf_counter() - started
            result["rows"] = plan.rows
            result["errors"] = [e.as_dict() for e in plan.errors[:3]] + (
                [plan.file_error] if plan.file_error else []
            )
            result["applied"] = job is not None
            raise _Rollback
    except _Rollback:
        pass
    result["rows_per_second"] = result["rows"] / result["seconds"]
    result["peak_rss_mb"] = peak_rss_mb()
    result["rss_before_mb"] = rss_before
    return result


def measure_copy(path: Path) -> dict | None:
    """Load the same file with ``COPY`` into a staging table, then insert placements and hours
    with plain SQL (no checks at all); rolled back. PostgreSQL only (None elsewhere)."""
    from django.db import connection, transaction

    from inkoopkracht.monitoring.models import Placement, PlacementHours

    if connection.vendor != "postgresql":
        return None
    partnership = import_target()
    data = path.read_bytes().decode("cp1252")
    started = time.perf_counter()
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            columns = ", ".join(f"{name} text" for name in IMPORT_HEADER)
            cursor.execute(f"CREATE TEMP TABLE staging ({columns}) ON COMMIT DROP")
            copy_sql = "COPY staging FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)"
            with cursor.cursor.copy(copy_sql) as copy:
                copy.write(data)
            cursor.execute(
                f"""INSERT INTO {Placement._meta.db_table} (partnership_id, employer_id,
                        reference, job_title, employment_type, starts_on, ends_on,
                        register_confirmed_on, origin, created_at, updated_at)
                    SELECT %s, %s, referentie, functie,
                        CASE soort_dienstverband WHEN 'in dienst' THEN 'direct'
                             ELSE soort_dienstverband END,
                        to_date(startdatum, 'DD-MM-YYYY'), to_date(einddatum, 'DD-MM-YYYY'),
                        to_date(doelgroepregister_bevestigd_op, 'DD-MM-YYYY'), 'vacature',
                        now(), now()
                    FROM staging""",
                [partnership.pk, partnership.supplier_id],
            )
            cursor.execute(
                f"""INSERT INTO {PlacementHours._meta.db_table}
                        (placement_id, starts_on, hours_per_week)
                    SELECT p.id, p.starts_on, replace(s.uren_per_week, ',', '.')::numeric
                    FROM staging s JOIN {Placement._meta.db_table} p
                      ON p.employer_id = %s AND p.reference = s.referentie""",
                [partnership.supplier_id],
            )
            rows = cursor.rowcount
            seconds = time.perf_counter() - started
            raise _Rollback
    except _Rollback:
        pass
    return {"seconds": seconds, "rows": rows, "rows_per_second": rows / seconds}


def _timed(function, repeat: int) -> tuple[float, object]:
    """The median wall time of ``repeat`` runs (after one warm-up run) and the last result."""
    result = function()
    times = []
    for _run in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def measure_engine(repeat: int = 3) -> dict:
    """``compute_figures`` of one quarter for all proeftuinen (live, with durability), and the
    engine's two queries alone."""
    from inkoopkracht.monitoring.engine import activity_sums, durability_sums
    from inkoopkracht.monitoring.figures import compute_figures
    from inkoopkracht.monitoring.periods import Period
    from inkoopkracht.partnerships.models import Partnership

    period = Period.parse(QUARTER)
    everything = Partnership.objects.all()
    figures_seconds, figure_set = _timed(
        lambda: compute_figures(everything, period, approved=False), repeat
    )
    sums_seconds, sums = _timed(
        lambda: (activity_sums(everything, [period]), durability_sums(everything, [period])),
        repeat,
    )
    total = figure_set.total
    return {
        "seconds": figures_seconds,
        "engine_seconds": sums_seconds,
        "proeftuinen": len(figure_set.rows),
        "banen_einde": str(total.banen_einde.quantize(total.banen_einde.__class__("0.01"))),
        "personen": total.personen,
        "sums": sums,
    }


EXPORTS = {
    "placement": ("id, partnership_id, employer_id, hirer_id, employment_type, "
                  "register_confirmed_on, start_day, end_day, start_month, months_active, "
                  "permanent_day"),
    "hours": "placement_id, start_day, end_day, centihours",
    "organisation": "id, sector",
    "partnership": "id",
}  # fmt: skip


def _model_tables() -> dict:
    from inkoopkracht.monitoring.models import Placement, PlacementHours
    from inkoopkracht.organisations.models import Organisation
    from inkoopkracht.partnerships.models import Partnership

    return {
        "placement": Placement._meta.db_table,
        "hours": PlacementHours._meta.db_table,
        "organisation": Organisation._meta.db_table,
        "partnership": Partnership._meta.db_table,
    }


def export_tables(directory: Path) -> dict[str, Path]:
    """The columns the engine reads, as CSV files (``COPY … TO STDOUT`` on PostgreSQL)."""
    from django.db import connection

    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    with connection.cursor() as cursor:
        for key, table in _model_tables().items():
            path = paths[key] = directory / f"{key}.csv"
            query = f"SELECT {EXPORTS[key]} FROM {table}"
            if connection.vendor == "postgresql":
                copy_sql = f"COPY ({query}) TO STDOUT (FORMAT csv, HEADER true)"
                with path.open("wb") as handle, cursor.cursor.copy(copy_sql) as copy:
                    for block in copy:
                        handle.write(block)
            else:
                cursor.execute(query)
                with path.open("w", newline="") as handle:
                    writer = csv.writer(handle)
                    writer.writerow([c.strip() for c in EXPORTS[key].split(",")])
                    writer.writerows(cursor.fetchall())
    return paths


def measure_duckdb(directory: Path, expected: tuple, repeat: int = 3) -> dict:
    """The engine's own SQL (``engine.activity_query``/``durability_query``) in DuckDB, on
    the rows exported from the database; ``agrees`` when every sum is identical."""
    import duckdb

    from inkoopkracht.monitoring.engine import (
        activity_query,
        durability_query,
        fold_activity,
        fold_durability,
    )
    from inkoopkracht.monitoring.periods import Period
    from inkoopkracht.partnerships.models import Partnership

    export_started = time.perf_counter()
    paths = export_tables(directory)
    export_seconds = time.perf_counter() - export_started
    db = duckdb.connect()
    load_started = time.perf_counter()
    for key, table in _model_tables().items():
        db.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{paths[key]}', header=true)")
    load_seconds = time.perf_counter() - load_started
    period, everything = Period.parse(QUARTER), Partnership.objects.all()
    queries = [
        activity_query(everything, [period], "duckdb"),
        durability_query(everything, [period]),
    ]

    def run():
        results = []
        for (sql, params), fold in zip(queries, (fold_activity, fold_durability), strict=True):
            results.append(fold(db.execute(sql.replace("%s", "?"), params).fetchall()))
        return tuple(results)

    seconds, sums = _timed(run, repeat)
    return {
        "seconds": seconds,
        "export_seconds": export_seconds,
        "load_seconds": load_seconds,
        "agrees": sums == expected,
        "groups": len(sums[0]),
    }


def team_member():
    from inkoopkracht.accounts import services as accounts
    from inkoopkracht.accounts.models import Role, User

    email = "benchmark-team@inkoopkracht.example"
    user = User.objects.filter(email=email).first()
    return user or accounts.create_user(
        email=email, role=Role.TEAM, password=None, first_name="Benchmark"
    )


def measure_overview(repeat: int = 5) -> dict:
    """``GET /mijn/monitoring/`` (the default quarter, no filters) as a team member."""
    from django.db import connection, reset_queries
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from inkoopkracht.monitoring.views.staff import overview
    from inkoopkracht.partnerships.models import Partnership

    user = team_member()

    def get():
        request = RequestFactory().get("/mijn/monitoring/")
        request.user = user
        response = overview(request)
        assert response.status_code == 200, response.status_code
        return response

    seconds, response = _timed(get, repeat)
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        get()
    return {
        "seconds": seconds,
        "queries": len(queries),
        "bytes": len(response.content),
        "proeftuinen": Partnership.objects.count(),
    }


def dataset_counts() -> dict:
    from inkoopkracht.monitoring.models import Placement, PlacementHours
    from inkoopkracht.partnerships.models import Partnership

    return {
        "proeftuinen": Partnership.objects.count(),
        "placements": Placement.objects.count(),
        "hours_periods": PlacementHours.objects.count(),
    }
