"""Fast bulk writes of plain rows: ``COPY`` on PostgreSQL, ``executemany`` elsewhere.

For imports and generators that write tens of thousands of rows at once: no model instances,
no per-value preparation by the ORM. The caller passes database-ready values (dates,
decimals, ints, strings, None) for exactly the columns it names; defaults, ``auto_now`` and
validation are the caller's business. Generated columns are filled by the database.
"""

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from django.db import connection

BATCH = 5000


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value) -> str:
    """One value in PostgreSQL's COPY text format (``\\N`` for NULL)."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


_COPY_FORMATS = {
    type(None): lambda value: "\\N",
    bool: lambda value: "t" if value else "f",
    str: lambda value: value.translate(_ESCAPES),
    int: str,
    Decimal: str,
    date: date.isoformat,
    datetime: datetime.isoformat,
}


def _copy_line(row) -> str:
    """One row in COPY text format: a format per type, ``_copy_text`` for any other type."""
    formats = _COPY_FORMATS
    return "\t".join([formats.get(type(value), _copy_text)(value) for value in row])


def _stored(value):
    """Datetimes as the ORM stores them (naive UTC text on SQLite), everything else as is."""
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


def insert_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table``; the row count."""
    count = 0
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quoted} ({names}) FROM STDIN") as copy:
                lines = []
                for row in rows:
                    lines.append(_copy_line(row))
                    if len(lines) == BATCH:
                        copy.write("\n".join(lines) + "\n")
                        count, lines = count + len(lines), []
                if lines:
                    copy.write("\n".join(lines) + "\n")
                    count += len(lines)
            return count
        sql = f"INSERT INTO {quoted} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
        batch: list = []
        for row in rows:
            batch.append([_stored(value) for value in row])
            if len(batch) == BATCH:
                cursor.executemany(sql, batch)
                count, batch = count + len(batch), []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def write_bytes(table: str, column: str, pk: int, data: bytes) -> None:
    """Set a binary column of one row. On PostgreSQL the bytes go as one binary parameter
    (the ORM's client-side binding would first spell them out as a hex literal, two to three
    times their size in memory); elsewhere a plain UPDATE."""
    quoted, name = connection.ops.quote_name(table), connection.ops.quote_name(column)
    if connection.vendor == "postgresql":
        import psycopg

        connection.ensure_connection()
        with psycopg.Cursor(connection.connection) as cursor:
            cursor.execute(f"UPDATE {quoted} SET {name} = %b WHERE id = %s", [data, pk])
        return
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {quoted} SET {name} = %s WHERE id = %s", [data, pk])


def reserve_ids(table: str, count: int) -> list[int] | None:
    """``count`` new primary keys from the table's sequence (PostgreSQL), so that rows can be
    inserted with their ids known; None elsewhere (insert, then read the ids back)."""
    if connection.vendor != "postgresql" or not count:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def in_chunks(values: Sequence, size: int = 900):
    """``values`` in slices for ``IN (...)`` lists: one slice on PostgreSQL (which takes any
    length), ``size`` at a time elsewhere (SQLite limits the parameters of a query)."""
    step = max(len(values), 1) if connection.vendor == "postgresql" else size
    for start in range(0, len(values), step):
        yield values[start : start + step]


def any_of(values: Sequence, sql_type: str):
    """The right-hand side of an ``__in`` lookup for a (long) chunk: on PostgreSQL one array
    parameter (``IN (SELECT unnest(%s::type[]))``) instead of a parameter per value."""
    if connection.vendor == "postgresql":
        from django.db.models.expressions import RawSQL

        return RawSQL(f"SELECT unnest(%s::{sql_type}[])", [list(values)])
    return values
