"""Domain constants read from ``inkoopkracht/data/constants.csv`` (never written into code paths).

Each constant has a ``valid_from`` date; ``constant(name, on=date)`` returns the value that was
valid on that date, so a constant that changes in a later year is a new row, not a code change.
"""

import csv
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Constant:
    name: str
    value: Decimal | date
    unit: str
    valid_from: date
    status: str
    source: str


def read_csv(filename: str) -> list[dict[str, str]]:
    """Rows of one CSV file in the data folder, as dicts."""
    with (DATA_DIR / filename).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _parse(value: str, unit: str) -> Decimal | date:
    if unit == "date":
        return date.fromisoformat(value)
    return Decimal(value)


@cache
def _constants() -> dict[str, list[Constant]]:
    table: dict[str, list[Constant]] = {}
    for row in read_csv("constants.csv"):
        valid_from = date.fromisoformat(row["valid_from"]) if row["valid_from"] else date.min
        table.setdefault(row["name"], []).append(
            Constant(
                name=row["name"],
                value=_parse(row["value"], row["unit"]),
                unit=row["unit"],
                valid_from=valid_from,
                status=row["status"],
                source=row["source"],
            )
        )
    for rows in table.values():
        rows.sort(key=lambda c: c.valid_from)
    return table


def constant_row(name: str, on: date | None = None) -> Constant:
    """The row of constant ``name`` valid on ``on`` (default: the latest)."""
    try:
        rows = _constants()[name]
    except KeyError:
        raise KeyError(f"Unknown domain constant {name!r} (see data/constants.csv)") from None
    if on is None:
        return rows[-1]
    valid = [row for row in rows if row.valid_from <= on]
    if not valid:
        raise KeyError(f"Constant {name!r} has no value valid on {on.isoformat()}")
    return valid[-1]


def constant(name: str, on: date | None = None) -> Decimal | date:
    """The value of constant ``name`` valid on ``on`` (default: the latest)."""
    return constant_row(name, on).value
