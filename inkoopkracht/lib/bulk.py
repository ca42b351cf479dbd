"""Fast bulk writes of plain rows: ``COPY`` on PostgreSQL, ``executemany`` elsewhere.

For imports and generators that write tens of thousands of rows at once: no model instances,
no per-value preparation by the ORM. The caller passes database-ready values of the columns'
own Python types (``date``, ``Decimal`` for decimal columns, ``int``, ``str``, ``None``) for
exactly the columns it names; defaults, ``auto_now`` and validation are the caller's business.
Generated columns are filled by the database.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime

from django.db import connection

BATCH = 5000  # rows per executemany (SQLite and other databases)


def _stored(value):
    """Datetimes as the ORM stores them (naive UTC text on SQLite), everything else as is."""
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


def _column_types(cursor, table: str, columns: Sequence[str]) -> list[int]:
    """The type oids of ``columns`` of ``table``, in that order (PostgreSQL's catalogue)."""
    cursor.execute(
        "SELECT attname, atttypid::int FROM pg_attribute "
        "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
        [table],
    )
    oids = dict(cursor.fetchall())
    return [oids[column] for column in columns]


def insert_rows(
    table: str, columns: Sequence[str], rows: Iterable[Sequence], shared: dict | None = None
) -> int:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table``; the row count.

    ``shared`` holds columns with one value for every row (``{column: value}``, e.g. the
    proeftuin and the time of an import). On PostgreSQL the rows go with binary ``COPY``: the
    values are converted by psycopg's C adapters for the columns' types, and the server takes
    in each buffer while the next rows are converted."""
    shared = shared or {}
    everything = [*columns, *shared]
    constants = tuple(shared.values())
    count = 0
    names = ", ".join(connection.ops.quote_name(column) for column in everything)
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            types = _column_types(cursor, table, everything)
            with cursor.cursor.copy(f"COPY {quoted} ({names}) FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(types)
                write = copy.write_row
                for row in rows:
                    write((*row, *constants) if constants else row)
                    count += 1
            return count
        placeholders = ", ".join(["%s"] * len(everything))
        sql = f"INSERT INTO {quoted} ({names}) VALUES ({placeholders})"
        stored_constants = [_stored(value) for value in constants]
        batch: list = []
        for row in rows:
            batch.append([*(_stored(value) for value in row), *stored_constants])
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
        # The sequence is looked up once: inside the query it would be looked up per id (6x slower).
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
        sequence = cursor.fetchone()[0]
        cursor.execute(
            "SELECT nextval(%s::regclass) FROM generate_series(1, %s)", [sequence, count]
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
