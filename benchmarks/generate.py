"""A deterministic national-scale dataset for the monitoring benchmarks.

Builds organisations, proeftuinen (one buyer and one supplier each, a contract, an ambition
with a glide path), and placements with hour changes between 2019 and 2026 (some ended, some
unconfirmed, some seconded to the buyer), straight into the
database with ``lib.bulk.insert_rows`` (``COPY`` on PostgreSQL, ``executemany`` on SQLite).
The generated columns of placements and hours are filled by the database.

    python -m benchmarks.generate --proeftuinen 20000 --placements 500000 [--seed 2026]

The database comes from ``DATABASE_URL`` (default ``postgres://root@127.0.0.1:5432/ik_bench``);
migrations run first. ``--reset`` empties the tables the generator fills (only in a database
whose name contains ``bench``).
"""

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from inkoopkracht.lib.bulk import insert_rows

DEFAULT_DATABASE_URL = "postgres://root@127.0.0.1:5432/ik_bench"
FIRST_DAY, LAST_DAY = date(2019, 1, 1), date(2026, 9, 30)
JOB_TITLES = ("schoonmaker", "medewerker catering", "groenmedewerker", "receptionist",
              "medewerker facilitair", "beveiliger", "ict-ondersteuner", "postbezorger")  # fmt: skip
WORK_SECTORS = ("schoonmaak", "catering", "beveiliging", "groen", "facilitair", "ict", "overig")
HOURS = tuple(
    Decimal(h)
    for h in ("12.00", "16.00", "20.00", "24.00", "25.50", "28.00", "32.00", "36.00", "38.00")
)
LENDING = ("detachering", "uitzend", "groepsdetachering")


@dataclass
class Sizes:
    proeftuinen: int = 20_000
    placements: int = 500_000
    seed: int = 2026

    @property
    def buyers(self) -> int:
        return max(2, self.proeftuinen // 8)

    @property
    def suppliers(self) -> int:
        return max(2, self.proeftuinen // 2)


def setup_django(database_url: str | None = None) -> None:
    """Settings for a benchmark process: ``DATABASE_URL`` (default: the ik_bench database)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inkoopkracht.settings")
    os.environ.setdefault("DATABASE_URL", database_url or DEFAULT_DATABASE_URL)
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-not-secret-" + "x" * 40)
    import django

    django.setup()


def _tables():
    from inkoopkracht.monitoring.models import Placement, PlacementHours
    from inkoopkracht.organisations.models import Organisation
    from inkoopkracht.partnerships.models import Cohort, Contract, Milestone, Partnership

    return {
        "organisation": Organisation._meta.db_table,
        "cohort": Cohort._meta.db_table,
        "contract": Contract._meta.db_table,
        "partnership": Partnership._meta.db_table,
        "partnership_contracts": Partnership.contracts.through._meta.db_table,
        "milestone": Milestone._meta.db_table,
        "placement": Placement._meta.db_table,
        "placement_contracts": Placement.contracts.through._meta.db_table,
        "hours": PlacementHours._meta.db_table,
    }


def _next_id(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        return cursor.fetchone()[0] + 1


def _fix_sequences(tables) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 1))"
            )


def reset() -> None:
    """Empty what the generator fills (and what hangs off it), in a benchmark database only."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    if "bench" not in str(name) or connection.vendor != "postgresql":
        raise SystemExit(f"--reset only in a PostgreSQL database named *bench*, not {name}")
    t = _tables()
    with connection.cursor() as cursor:
        cursor.execute(
            f"TRUNCATE {t['placement']}, {t['partnership']}, {t['contract']}, "
            f"{t['organisation']}, {t['cohort']} CASCADE"
        )


def _organisations(sizes: Sizes, rng: random.Random, first_id: int, now):
    """Buyers (overheid, OIN) then suppliers (markt, KvK); ids from ``first_id``."""
    rows = []
    for n in range(sizes.buyers):
        oin = f"0000000{first_id + n:013d}"
        rows.append((first_id + n, f"Gemeente Bench {n}", "opdrachtgever", "overheid",
                     "gemeente", None, oin, "", "", now, now))  # fmt: skip
    for n in range(sizes.suppliers):
        pk = first_id + sizes.buyers + n
        rows.append((pk, f"Leverancier Bench {n}", "leverancier", "markt", "", f"{pk % 10**8:08d}",
                     None, "", "", now, now))  # fmt: skip
    return rows


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _hours_history(rng, starts: date, ends: date | None):
    """Consecutive hours periods: the first on the start date, the last open."""
    end_limit = ends or LAST_DAY
    history, current = [], starts
    hours = rng.choice(HOURS)
    for _change in range(rng.choice((0, 0, 1, 1, 2))):
        if (end_limit - current).days < 60:
            break
        change = current + timedelta(days=rng.randrange(30, (end_limit - current).days))
        history.append((current, change - timedelta(days=1), hours))
        current = change
        hours = rng.choice([h for h in HOURS if h != hours])
    history.append((current, None, hours))
    return history


def generate(sizes: Sizes, *, out=sys.stdout) -> dict:
    """Build the dataset in the current database; returns the row counts."""
    from django.db import transaction

    rng = random.Random(sizes.seed)
    now = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    t = _tables()
    counts = {}
    started = time.perf_counter()
    with transaction.atomic():
        org0 = _next_id(t["organisation"])
        counts["organisations"] = insert_rows(
            t["organisation"], ORGANISATION_COLUMNS, _organisations(sizes, rng, org0, now)
        )
        cohort0 = _cohorts(t)
        partnerships, contracts, links, milestones = _partnerships(sizes, rng, org0, cohort0, now)
        counts["contracts"] = insert_rows(t["contract"], CONTRACT_COLUMNS, contracts)
        counts["proeftuinen"] = insert_rows(t["partnership"], PARTNERSHIP_COLUMNS, partnerships)
        insert_rows(t["partnership_contracts"], ["partnership_id", "contract_id"], links)
        insert_rows(t["milestone"], ["partnership_id", "due_on", "jobs", "note"], milestones)
        placement_counts = _placements(sizes, rng, partnerships, now, t)
        counts.update(placement_counts)
    _fix_sequences([t[k] for k in ("organisation", "cohort", "contract", "partnership",
                                   "milestone", "placement", "hours", "placement_contracts",
                                   "partnership_contracts")])  # fmt: skip
    vacuum_analyze(t)
    counts["seconds"] = round(time.perf_counter() - started, 1)
    print(f"generated {counts}", file=out)
    return counts


def _cohorts(t) -> int:
    """Eight cohorts, one a year from 2019; returns the id of the first."""
    first = _next_id(t["cohort"])
    rows = [
        (first + i, 1000 + first + i, f"Bench cohort {2019 + i}", date(2019 + i, 1, 1), "")
        for i in range(8)
    ]
    insert_rows(t["cohort"], ["id", "number", "name", "starts_on", "description"], rows)
    return first


ORGANISATION_COLUMNS = ["id", "name", "kind", "sector", "subsector", "kvk_number", "oin",
                        "province", "website", "created_at", "updated_at"]  # fmt: skip
CONTRACT_COLUMNS = ["id", "buyer_id", "supplier_id", "title", "reference", "cpv_code", "value_eur",
                    "starts_on", "ends_on", "social_return_percentage", "created_at", "updated_at"]  # fmt: skip
PARTNERSHIP_COLUMNS = ["id", "name", "buyer_id", "supplier_id", "cohort_id", "route",
                       "work_sector", "current_step_id", "status", "applied_on", "started_on",
                       "ended_on", "ambition_jobs", "ambition_date", "baseline_jobs",
                       "baseline_date", "summary", "created_at", "updated_at"]  # fmt: skip


def _partnerships(sizes: Sizes, rng, org0: int, cohort0: int, now):
    partnership0 = _next_id(_tables()["partnership"])
    contract0 = _next_id(_tables()["contract"])
    partnerships, contracts, links, milestones = [], [], [], []
    for n in range(sizes.proeftuinen):
        pk, contract_pk = partnership0 + n, contract0 + n
        buyer = org0 + rng.randrange(sizes.buyers)
        supplier = org0 + sizes.buyers + rng.randrange(sizes.suppliers)
        started = _day(rng, FIRST_DAY, date(2026, 3, 31))
        cohort = cohort0 + started.year - 2019
        ambition = Decimal(rng.randrange(2, 80))
        ambition_on = started + timedelta(days=rng.randrange(700, 1500))
        baseline = Decimal(rng.randrange(0, 400)) / 20
        contracts.append((contract_pk, buyer, supplier, f"Contract {n}", f"BENCH-{pk}", "",
                          Decimal(rng.randrange(100_000, 5_000_000)), started, None,
                          Decimal("5.00"), now, now))  # fmt: skip
        status = "actief" if rng.random() < 0.9 else rng.choice(("gepauzeerd", "afgerond"))
        partnerships.append((pk, f"Proeftuin bench {n}", buyer, supplier, cohort,
                             rng.choice(("bestaand_contract", "nieuwe_aanbesteding")),
                             rng.choice(WORK_SECTORS), rng.randrange(1, 10), status,
                             started - timedelta(days=60), started, None, ambition, ambition_on,
                             baseline, started, "", now, now))  # fmt: skip
        links.append((pk, contract_pk))
        if rng.random() < 0.5:
            milestones.append((pk, started + (ambition_on - started) / 2, ambition / 2, ""))
    return partnerships, contracts, links, milestones


def _placement_rows(sizes: Sizes, rng, partnerships, now, first_id: int, hours_rows, links):
    """Placements spread over the proeftuinen (a few large ones), with their hours and
    contracts appended to ``hours_rows`` and ``links``."""
    weights = [rng.paretovariate(1.5) for _p in partnerships]
    chosen = rng.choices(range(len(partnerships)), weights=weights, k=sizes.placements)
    for n, index in enumerate(chosen):
        pk = first_id + n
        partnership = partnerships[index]
        pid, buyer, supplier, started = (
            partnership[0],
            partnership[2],
            partnership[3],
            partnership[10],
        )
        starts = _day(rng, max(started, FIRST_DAY), LAST_DAY)
        ends = _day(rng, starts, LAST_DAY) if rng.random() < 0.4 else None
        lending = rng.random() < 0.2
        employment = rng.choice(LENDING) if lending else rng.choice(("direct", "direct", "bbl"))
        permanent = None
        if rng.random() < 0.3:
            permanent = starts if rng.random() < 0.5 else _day(rng, starts, ends or LAST_DAY)
        confirmed = None if rng.random() < 0.08 else min(starts + timedelta(days=14), LAST_DAY)
        for h_start, h_end, hours in _hours_history(rng, starts, ends):
            hours_rows.append((pk, h_start, h_end, hours))
        links.append((pk, pid))
        yield (pk, pid, supplier, buyer if lending else None, f"B{pid}-{n}",
               rng.choice(JOB_TITLES), employment, starts, ends, permanent, confirmed,
               "vacature", now, now)  # fmt: skip


PLACEMENT_COLUMNS = ["id", "partnership_id", "employer_id", "hirer_id", "reference", "job_title",
                     "employment_type", "starts_on", "ends_on", "permanent_since",
                     "register_confirmed_on", "origin", "created_at", "updated_at"]  # fmt: skip


def _placements(sizes: Sizes, rng, partnerships, now, t) -> dict:
    hours_rows, links = [], []
    first_id = _next_id(t["placement"])
    contract_of = _contract_ids(t)
    count = insert_rows(
        t["placement"],
        PLACEMENT_COLUMNS,
        _placement_rows(sizes, rng, partnerships, now, first_id, hours_rows, links),
    )
    hours = insert_rows(t["hours"], ["placement_id", "starts_on", "ends_on", "hours_per_week"],
                        hours_rows)  # fmt: skip
    insert_rows(t["placement_contracts"], ["placement_id", "contract_id"],
                ((placement, contract_of[pid]) for placement, pid in links))  # fmt: skip
    return {"placements": count, "hours_periods": hours}


def _contract_ids(t) -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT partnership_id, contract_id FROM {t['partnership_contracts']}")
        return dict(cursor.fetchall())


def vacuum_analyze(t=None) -> None:
    """``VACUUM ANALYZE`` the dataset's tables (``_tables()`` by default), as autovacuum would
    in time: after generating, and before measuring again (the imports of an earlier run were
    rolled back, which leaves their rows dead in the tables and indexes)."""
    from django.db import connection

    t = t or _tables()
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:  # as after autovacuum: visibility map and statistics
            for table in t.values():
                cursor.execute(f"VACUUM ANALYZE {table}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proeftuinen", type=int, default=Sizes.proeftuinen)
    parser.add_argument("--placements", type=int, default=Sizes.placements)
    parser.add_argument("--seed", type=int, default=Sizes.seed)
    parser.add_argument("--reset", action="store_true", help="empty the tables first")
    args = parser.parse_args(argv)
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if args.reset:
        reset()
    generate(Sizes(args.proeftuinen, args.placements, args.seed))


if __name__ == "__main__":
    main()
