"""The data inventory (data/data_inventory.csv): retention periods come from data, not code."""

from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from .constants import read_csv


@dataclass(frozen=True)
class InventoryRow:
    model: str  # "app_label.ModelName"
    field: str
    category: str
    retention_days: int | None
    retention: str
    basis: str
    enforced_by: str


@cache
def inventory() -> tuple[InventoryRow, ...]:
    return tuple(
        InventoryRow(
            model=row["model"],
            field=row["field"],
            category=row["category"],
            retention_days=int(row["retention_days"]) if row["retention_days"] else None,
            retention=row["retention"],
            basis=row["basis"],
            enforced_by=row["enforced_by"],
        )
        for row in read_csv("data_inventory.csv")
    )


def retention_period(model: str, field: str | None = None) -> timedelta:
    """The retention of a model's personal data (the shortest period among its fields)."""
    days = [
        row.retention_days
        for row in inventory()
        if row.model == model and (field is None or row.field == field) and row.retention_days
    ]
    if not days:
        raise KeyError(f"No retention for {model}.{field or '*'} in data/data_inventory.csv")
    return timedelta(days=min(days))
