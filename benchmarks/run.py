"""Measure (a) import vs COPY, (b) the engine vs DuckDB, (c) the overview at two sizes, side by
side in one run, and write the results into ``docs/performance.md``.

    python -m benchmarks.run [--proeftuinen 20000] [--placements 500000] [--small 5000]
                             [--import-rows 100000,25000] [--regenerate] [--no-write]

The national dataset lives in ``DATABASE_URL`` (default the ``ik_bench`` database); it is
generated when it is missing or has other sizes. The small dataset for (c) (the same number of
proeftuinen, ``--small`` placements) lives in the schema ``bench_small`` of the same database.
Imports run in a separate process each, so that their peak memory is their own.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from .generate import DEFAULT_DATABASE_URL, Sizes, generate, reset, setup_django, vacuum_analyze

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
REPORT = ROOT / "docs" / "performance.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
SMALL_SCHEMA = "bench_small"

TARGETS = {
    "import_rows_per_second": 20_000,
    "import_peak_mb": 300,
    "engine_seconds": 2.0,
    "engine_duckdb_ratio": 5.0,
    "overview_seconds": 0.3,
    "overview_growth": 1.5,
}


def ensure_dataset(sizes: Sizes, regenerate: bool) -> dict:
    """Migrate, and generate the dataset unless one of these sizes is already there."""
    from django.core.management import call_command

    from .measure import dataset_counts

    call_command("migrate", verbosity=0, interactive=False)
    counts = dataset_counts()
    if regenerate or (counts["proeftuinen"], counts["placements"]) != (
        sizes.proeftuinen,
        sizes.placements,
    ):
        reset()
        generate(sizes, out=sys.stderr)
        counts = dataset_counts()
    else:
        vacuum_analyze()
    return counts


def machine() -> dict:
    import duckdb
    from django.db import connection

    cpu = platform.processor() or "?"
    meminfo = Path("/proc/meminfo")
    ram = "?"
    for line in (
        Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []
    ):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        ram = f"{kb / 1024 / 1024:.1f} GB"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            database = f"SQLite {connection.Database.sqlite_version}"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram": ram,
        "database": database,
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _worker(args: list[str], database_url: str) -> dict:
    """Run ``benchmarks.run --worker …`` in a fresh process and read its JSON answer."""
    env = {**os.environ, "DATABASE_URL": database_url}
    command = [sys.executable, "-m", "benchmarks.run", "--worker", *args]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def small_database_url(database_url: str) -> str:
    separator = "&" if "?" in database_url else "?"
    return f"{database_url}{separator}options=-c%20search_path%3D{SMALL_SCHEMA}"


def worker(args) -> dict:
    """One measurement in this process (``--worker import N`` or ``--worker overview P N``)."""
    from . import measure

    kind = args.worker[0]
    if kind == "import":
        path = Path(args.worker[1])
        result = {"import": measure.measure_import(path), "copy": measure.measure_copy(path)}
        result["file_mb"] = path.stat().st_size / 1024 / 1024
        return result
    proeftuinen, placements = int(args.worker[1]), int(args.worker[2])
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {SMALL_SCHEMA}")
    counts = ensure_dataset(Sizes(proeftuinen, placements), args.regenerate)
    return {"counts": counts, "overview": measure.measure_overview()}


def measure_all(args, database_url: str) -> dict:
    from . import measure

    sizes = Sizes(args.proeftuinen, args.placements, args.seed)
    results = {"machine": machine(), "counts": ensure_dataset(sizes, args.regenerate)}
    engine = measure.measure_engine()
    sums = engine.pop("sums")
    results["engine"] = engine
    results["duckdb"] = measure.measure_duckdb(DATA / "duckdb", sums)
    results["overview"] = measure.measure_overview()
    results["imports"] = []
    for rows in args.import_rows:
        path = measure.write_import_csv(DATA / f"import-{rows}.csv", rows)
        results["imports"].append({"rows": rows, **_worker(["import", str(path)], database_url)})
    small = _worker(
        ["overview", str(args.proeftuinen), str(args.small)]
        + (["--regenerate"] if args.regenerate else []),
        small_database_url(database_url) if database_url.startswith("postgres") else database_url,
    )
    results["overview_small"] = small["overview"]
    results["small_counts"] = small["counts"]
    return results


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proeftuinen", type=int, default=Sizes.proeftuinen)
    parser.add_argument("--placements", type=int, default=Sizes.placements)
    parser.add_argument("--small", type=int, default=5_000, help="placements for (c), small")
    parser.add_argument("--seed", type=int, default=Sizes.seed)
    parser.add_argument(
        "--import-rows",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[100_000, 25_000, 350_000],  # 350,000 rows: about the 25 MB upload limit
    )
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    setup_django(database_url)
    if args.worker:
        print(json.dumps(worker(args), default=str))
        return
    from .report import render, write

    results = measure_all(args, database_url)
    text = render(results)
    print(text)
    (DATA / "results.json").write_text(json.dumps(results, default=str, indent=2))
    if not args.no_write:
        write(REPORT, text)


if __name__ == "__main__":
    main()
