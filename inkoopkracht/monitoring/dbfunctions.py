"""Date arithmetic as database expressions that give the same integers on SQLite and PostgreSQL.

The counting engine works on whole numbers only, so that its SQL is identical (and exact) on
both databases. These expressions feed ``GeneratedField`` columns: the database derives them
from the dates on every write, so they can never disagree with the dates they come from.

- ``DayNumber(date)``: days since 2000-01-01 (an open date becomes ``OPEN_END``).
- ``MonthIndex(date)``: ``year * 12 + month - 1``.
- ``WholeMonths(start, end)``: the number of whole calendar months from ``start`` to ``end``:
  the largest m with ``add_months(start, m) <= end`` (``periods.add_months`` clamps to the
  month's last day). An open end gives ``OPEN_END``.
- ``CentiHours(hours)``: hours per week in hundredths, as an integer.
"""

from django.db.models import Func, IntegerField

# Day number (and month count) of an open end: far beyond any real date.
OPEN_END = 9_999_999


class _VendorFunc(Func):
    """A function whose SQL is written per database vendor by ``render(args, vendor)``."""

    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra_context):
        args, params = [], []
        for expression in self.get_source_expressions():
            sql, arg_params = compiler.compile(expression)
            args.append(sql)
            params.extend(arg_params)
        vendor = "sqlite" if connection.vendor == "sqlite" else "postgresql"
        return self.render(args, vendor), params

    def render(self, args: list[str], vendor: str) -> str:
        raise NotImplementedError


def _day(sql: str, vendor: str) -> str:
    if vendor == "sqlite":
        return f"CAST(julianday({sql}) - 2451544.5 AS INTEGER)"
    return f"({sql} - DATE '2000-01-01')"


def _month(sql: str, vendor: str) -> str:
    if vendor == "sqlite":
        return f"(CAST(substr({sql}, 1, 4) AS INTEGER) * 12 + CAST(substr({sql}, 6, 2) AS INTEGER) - 1)"
    return (
        f"(CAST(EXTRACT(YEAR FROM {sql}) AS INTEGER) * 12 "
        f"+ CAST(EXTRACT(MONTH FROM {sql}) AS INTEGER) - 1)"
    )


def _day_of_month(sql: str, vendor: str) -> str:
    if vendor == "sqlite":
        return f"CAST(substr({sql}, 9, 2) AS INTEGER)"
    return f"CAST(EXTRACT(DAY FROM {sql}) AS INTEGER)"


def _is_last_day_of_month(sql: str, vendor: str) -> str:
    if vendor == "sqlite":
        return f"substr(date({sql}, '+1 day'), 9, 2) = '01'"
    return f"EXTRACT(DAY FROM ({sql} + 1)) = 1"


class DayNumber(_VendorFunc):
    """Days since 2000-01-01; ``OPEN_END`` when the date is empty."""

    arity = 1

    def render(self, args, vendor):
        return f"COALESCE({_day(args[0], vendor)}, {OPEN_END})"


class MonthIndex(_VendorFunc):
    """``year * 12 + month - 1`` of a (required) date."""

    arity = 1

    def render(self, args, vendor):
        return _month(args[0], vendor)


class WholeMonths(_VendorFunc):
    """Whole calendar months from the first date to the second; ``OPEN_END`` if it is empty."""

    arity = 2

    def render(self, args, vendor):
        start, end = args
        months = f"({_month(end, vendor)} - {_month(start, vendor)})"
        short = (
            f"CASE WHEN {_day_of_month(end, vendor)} < {_day_of_month(start, vendor)} "
            f"AND NOT ({_is_last_day_of_month(end, vendor)}) THEN 1 ELSE 0 END"
        )
        return f"CASE WHEN {end} IS NULL THEN {OPEN_END} ELSE {months} - {short} END"


class CentiHours(_VendorFunc):
    """Hours per week in hundredths (25.5 → 2550)."""

    arity = 1

    def render(self, args, vendor):
        return f"CAST(ROUND({args[0]} * 100) AS INTEGER)"
