"""The results of ``benchmarks/run.py`` as Markdown, written between two markers of
``docs/performance.md`` (the text around them is kept)."""

from pathlib import Path

from .run import END, START, TARGETS


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _s(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def _heading(r: dict) -> list[str]:
    m, counts, small = r["machine"], r["counts"], r["small_counts"]
    return [
        f"Run of {m['date']} on {m['cpu']}, {m['cores']} cores, {m['ram']} RAM; "
        f"{m['database']}, Python {m['python']}, DuckDB {m['duckdb']}.",
        "",
        f"Dataset: {counts['proeftuinen']:,} proeftuinen, {counts['placements']:,} placements, "
        f"{counts['hours_periods']:,} hours periods (small dataset for (c): "
        f"{small['proeftuinen']:,} proeftuinen, {small['placements']:,} placements).",
        "",
        "| Measurement | Result | Compared with | Ratio | Target | |",
        "|---|---|---|---|---|---|",
    ]


def _import_rows(item: dict) -> list[str]:
    """(a): speed against ``COPY`` and peak memory of one import file."""
    imp, copy = item["import"], item["copy"]
    ratio = f"{copy['rows_per_second'] / imp['rows_per_second']:.1f}× slower" if copy else "–"
    against = (
        f"COPY: {copy['rows_per_second']:,.0f} rows/s ({_s(copy['seconds'])})" if copy else "–"
    )
    return [
        f"| (a) import {item['rows']:,} rows ({item['file_mb']:.1f} MB CSV), full validation "
        f"| {imp['rows_per_second']:,.0f} rows/s ({_s(imp['seconds'])}) | {against} | {ratio} "
        f"| ≥ {TARGETS['import_rows_per_second']:,} rows/s "
        f"| {_met(imp['rows_per_second'] >= TARGETS['import_rows_per_second'])} |",
        f"| (a) peak memory of that import process | {imp['peak_rss_mb']:,.0f} MB "
        f"(before reading the file: {imp['rss_before_mb']:,.0f} MB) | | "
        f"| < {TARGETS['import_peak_mb']} MB "
        f"| {_met(imp['peak_rss_mb'] < TARGETS['import_peak_mb'])} |",
    ]


def _engine_rows(engine: dict, duck: dict) -> list[str]:
    """(b): one quarter for all proeftuinen, alone and against DuckDB."""
    ratio = engine["seconds"] / duck["seconds"]
    return [
        f"| (b) one quarter for all proeftuinen: `compute_figures` (live, with durability) "
        f"| {_s(engine['seconds'])} | | | ≤ {TARGETS['engine_seconds']:.0f} s "
        f"| {_met(engine['seconds'] <= TARGETS['engine_seconds'])} |",
        f"| (b) the same vs DuckDB (engine SQL on the same rows; sums agree: "
        f"{'yes' if duck['agrees'] else '**NO**'}) | {_s(engine['seconds'])} "
        f"(engine queries alone {_s(engine['engine_seconds'])}) | DuckDB {_s(duck['seconds'])} "
        f"| {ratio:.1f}× | ≤ {TARGETS['engine_duckdb_ratio']:.0f}× "
        f"| {_met(ratio <= TARGETS['engine_duckdb_ratio'] and duck['agrees'])} |",
    ]


def _overview_rows(r: dict) -> list[str]:
    """(c): the programme overview at both sizes."""
    big, small = r["overview"], r["overview_small"]
    growth = big["seconds"] / small["seconds"]
    return [
        f"| (c) programme overview, {r['counts']['placements']:,} placements "
        f"({big['queries']} queries) | {_s(big['seconds'])} | | | ≤ "
        f"{TARGETS['overview_seconds'] * 1000:.0f} ms "
        f"| {_met(big['seconds'] <= TARGETS['overview_seconds'])} |",
        f"| (c) growth from {r['small_counts']['placements']:,} placements "
        f"({_s(small['seconds'])}) | {_s(big['seconds'])} | {_s(small['seconds'])} "
        f"| {growth:.2f}× | ≤ {TARGETS['overview_growth']}× "
        f"| {_met(growth <= TARGETS['overview_growth'])} |",
    ]


def render(r: dict) -> str:
    engine, duck = r["engine"], r["duckdb"]
    lines = _heading(r)
    for item in r["imports"]:
        lines += _import_rows(item)
    lines += _engine_rows(engine, duck) + _overview_rows(r)
    lines += [
        "",
        f"DuckDB: exporting the engine's columns with `COPY … TO STDOUT` took "
        f"{_s(duck['export_seconds'])}, loading them {_s(duck['load_seconds'])} (not in the "
        f"ratio). Engine total: {engine['banen_einde']} banen at the end of the quarter, "
        f"{engine['personen']:,} persons.",
    ]
    return "\n".join(lines)


def write(path: Path, text: str) -> None:
    """Put ``text`` between the markers of ``path`` (appending them when they are missing)."""
    current = path.read_text(encoding="utf-8") if path.exists() else f"{START}\n{END}\n"
    if START not in current:
        current += f"\n{START}\n{END}\n"
    before, rest = current.split(START, 1)
    _old, after = rest.split(END, 1)
    path.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")
