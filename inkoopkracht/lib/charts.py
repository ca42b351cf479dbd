"""Accessible charts rendered on the server as SVG: no JavaScript, and the numbers as a table.

Every chart is a ``<figure>`` with an SVG (``role="img"`` with a ``<title>`` and ``<desc>``),
a legend in text, and a data table with the same numbers (DESIGN.md 5, WCAG 2.2 AA: the table
is the accessible alternative). Series differ by line style and marker as well as by colour.
Values that are not numbers (``None``, a ``Suppressed`` "< 5") are gaps in the chart and are
printed as themselves in the table.

    chart = line_chart(
        title="Banen per kwartaal", description="…", labels=["K1 2026", "K2 2026"],
        series=[Series("Gerealiseerd", [Decimal("3.2"), Decimal("4.1")])], unit="banen",
    )
    {{ chart }}   # in a template: figure, SVG, legend and table

Colours come from the Rijkshuisstijl palette as SVG presentation attributes (allowed under a
strict CSP, unlike style attributes) and can be overridden in CSS through the classes
``chart__series--N``.
"""

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

PALETTE = ["#01689b", "#b54400", "#39870c", "#a90061", "#154273", "#696969"]
DASHES = {"solid": "", "dashed": "8 5", "dotted": "2 4"}
MARKERS = ("circle", "square", "triangle", "diamond")
WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 40, 32, 48
_ids = itertools.count(1)


@dataclass
class Series:
    """One line (or set of bars): a name for the legend and table, and a value per label."""

    name: str
    values: Sequence
    style: str = "solid"  # solid | dashed | dotted (lines only)
    marker: str | None = None  # circle | square | triangle | diamond; default by position


@dataclass
class Chart:
    kind: str  # line | bar
    title: str
    description: str
    labels: Sequence[str]
    series: list[Series]
    unit: str = ""
    label_heading: str = ""
    decimals: int = 1
    notes: list[Series] = field(default_factory=list)  # extra table-only columns (e.g. status)
    ident: str = field(default_factory=lambda: f"grafiek-{next(_ids)}")

    def __html__(self) -> str:
        return render(self)

    def collapsed(self) -> str:
        """The figure with its table behind a "show the numbers" toggle (``<details>``)."""
        return render(self, collapsed=True)

    def __str__(self) -> str:
        return self.__html__()


def line_chart(
    *, title, description, labels, series, unit="", label_heading="", decimals=1, notes=()
):
    """Lines over categories (e.g. quarters); gaps where a value is missing. ``notes`` are
    extra columns for the table only."""
    return Chart(
        "line", title, description, labels, list(series), unit, label_heading, decimals, list(notes)
    )


def bar_chart(
    *, title, description, labels, series, unit="", label_heading="", decimals=0, notes=()
):
    """Vertical bars per category, one bar per series side by side."""
    return Chart(
        "bar", title, description, labels, list(series), unit, label_heading, decimals, list(notes)
    )


def _number(value) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | Decimal):
        return float(value)
    return None


def _format(value, decimals: int) -> str:
    if value is None:
        return "–"
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return number_format(value, decimal_pos=decimals, use_l10n=True)
    return str(value)


def _nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``maximum``."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    ticks = [0.0]
    while ticks[-1] < maximum:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


class _Frame:
    """Maps category positions and values to SVG coordinates."""

    def __init__(self, chart: Chart):
        numbers = [_number(v) for s in chart.series for v in s.values]
        self.ticks = _nice_ticks(max([n for n in numbers if n is not None] or [0]))
        self.top_value = self.ticks[-1]
        self.count = max(1, len(chart.labels))
        self.plot_width = WIDTH - LEFT - RIGHT
        self.plot_height = HEIGHT - TOP - BOTTOM
        self.bars = chart.kind == "bar"

    def x(self, index: float) -> float:
        if self.bars:
            return LEFT + self.plot_width * (index + 0.5) / self.count
        if self.count == 1:
            return LEFT + self.plot_width / 2
        return LEFT + self.plot_width * index / (self.count - 1)

    def y(self, value: float) -> float:
        return TOP + self.plot_height * (1 - value / self.top_value)


def _axes(chart: Chart, frame: _Frame) -> list[str]:
    parts = []
    for tick in frame.ticks:
        y = frame.y(tick)
        parts.append(
            f'<line class="chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#cccccc" stroke-width="1"/>'
        )
        parts.append(
            f'<text class="chart__tick" x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" '
            f'font-size="12" fill="#1a1a1a">{escape(_format(tick, 0 if tick == int(tick) else 1))}</text>'
        )
    step = max(1, math.ceil(len(chart.labels) / 10))
    last = len(chart.labels) - 1
    for index, label in enumerate(chart.labels):
        if (last - index) % step:
            continue  # evenly spaced, counted back from the last label so that it is shown
        parts.append(
            f'<text class="chart__label" x="{frame.x(index):.1f}" y="{HEIGHT - BOTTOM + 18}" '
            f'text-anchor="middle" font-size="12" fill="#1a1a1a">{escape(label)}</text>'
        )
    if chart.unit:
        parts.append(
            f'<text class="chart__unit" x="{LEFT - 44}" y="{TOP - 16}" font-size="12" '
            f'fill="#4d4d4d">{escape(chart.unit)}</text>'
        )
    return parts


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if kind == "triangle":
        return f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}" fill="{colour}"/>'
    if kind == "diamond":
        return f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def _lines(chart: Chart, frame: _Frame) -> list[str]:
    parts = []
    for number, series in enumerate(chart.series):
        colour = PALETTE[number % len(PALETTE)]
        marker = series.marker or MARKERS[number % len(MARKERS)]
        dash = DASHES.get(series.style, "")
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        runs, run = [], []
        for index, value in enumerate(series.values):
            number_value = _number(value)
            if number_value is None:
                runs.append(run)
                run = []
            else:
                run.append((frame.x(index), frame.y(number_value)))
        runs.append(run)
        parts.append(f'<g class="chart__series chart__series--{number + 1}">')
        for points in runs:
            if len(points) > 1:
                coordinates = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
                parts.append(
                    f'<polyline points="{coordinates}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5"{dash_attr}/>'
                )
            parts.extend(_marker(marker, x, y, colour) for x, y in points)
        parts.append("</g>")
    return parts


def _bars(chart: Chart, frame: _Frame) -> list[str]:
    parts = []
    group = frame.plot_width / frame.count * 0.8
    width = group / max(1, len(chart.series))
    for number, series in enumerate(chart.series):
        colour = PALETTE[number % len(PALETTE)]
        parts.append(f'<g class="chart__series chart__series--{number + 1}">')
        for index, value in enumerate(series.values):
            number_value = _number(value)
            if number_value is None:
                continue
            x = frame.x(index) - group / 2 + number * width
            y = frame.y(number_value)
            height = frame.y(0) - y
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width * 0.9:.1f}" height="{height:.1f}" '
                f'fill="{colour}"/>'
            )
        parts.append("</g>")
    return parts


def _svg(chart: Chart) -> str:
    frame = _Frame(chart)
    body = _axes(chart, frame) + (
        _bars(chart, frame) if chart.kind == "bar" else _lines(chart, frame)
    )
    return (
        f'<svg class="chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart.ident}-titel {chart.ident}-omschrijving" '
        f'xmlns="http://www.w3.org/2000/svg" focusable="false">'
        f'<title id="{chart.ident}-titel">{escape(chart.title)}</title>'
        f'<desc id="{chart.ident}-omschrijving">{escape(chart.description)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def _legend(chart: Chart) -> str:
    items = []
    for number, series in enumerate(chart.series):
        style = "" if chart.kind == "bar" else f" chart__key--{series.style}"
        items.append(
            format_html(
                '<li><span class="chart__key chart__key--{}{}" aria-hidden="true"></span>{}</li>',
                number + 1,
                style,
                series.name,
            )
        )
    return format_html(
        '<ul class="chart__legend" aria-label="{}">{}</ul>', _("Legenda"), mark_safe("".join(items))
    )


def table(chart: Chart) -> str:
    """The numbers of the chart as an accessible table (a caption, row and column headers)."""
    columns = [*chart.series, *chart.notes]
    head = "".join(format_html('<th scope="col" class="number">{}</th>', s.name) for s in columns)
    rows = []
    for index, label in enumerate(chart.labels):
        cells = "".join(
            format_html(
                '<td class="number">{}</td>',
                _format(s.values[index] if index < len(s.values) else None, chart.decimals),
            )
            for s in columns
        )
        rows.append(format_html('<tr><th scope="row">{}</th>{}</tr>', label, mark_safe(cells)))
    return format_html(
        '<div class="table-wrapper"><table class="table chart__table"><caption>{}</caption>'
        '<thead><tr><th scope="col">{}</th>{}</tr></thead><tbody>{}</tbody></table></div>',
        _("%(title)s: de cijfers") % {"title": chart.title},
        chart.label_heading or _("Periode"),
        mark_safe(head),
        mark_safe("".join(rows)),
    )


def render(chart: Chart, *, collapsed: bool = False) -> str:
    """The whole figure without a heading (the page decides the heading level): caption, SVG,
    legend and the table with the same numbers (behind a toggle when ``collapsed``)."""
    numbers = mark_safe(table(chart))
    if collapsed:
        numbers = format_html(
            '<details class="chart__details"><summary>{}</summary>{}</details>',
            _("Toon de cijfers als tabel"),
            numbers,
        )
    return format_html(
        '<figure class="chart" id="{}"><figcaption class="chart__caption">'
        '<strong>{}</strong> <span class="chart__description">{}</span></figcaption>'
        '<div class="chart__frame">{}</div>{}{}</figure>',
        chart.ident,
        chart.title,
        chart.description,
        mark_safe(_svg(chart)),
        _legend(chart),
        numbers,
    )
