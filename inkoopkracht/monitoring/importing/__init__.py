"""Importing placements from CSV and XLSX files in the published template (docs/monitoring.md)."""

from .columns import COLUMN_NAMES, COLUMNS
from .plan import ImportPlan, Operation, build_plan

__all__ = ["COLUMNS", "COLUMN_NAMES", "ImportPlan", "Operation", "build_plan"]
