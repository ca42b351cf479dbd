"""lib.charts: server-rendered SVG with a title, a description and the numbers as a table."""

import re
from decimal import Decimal

from inkoopkracht.lib.charts import Series, bar_chart, line_chart
from inkoopkracht.lib.suppression import Suppressed


def _chart():
    return line_chart(
        title="Banen per kwartaal",
        description="Gepland en gerealiseerd.",
        labels=["K1 2026", "K2 2026", "K3 2026"],
        series=[
            Series("Gerealiseerd", [Decimal("1.5"), Suppressed(5), Decimal("3.25")]),
            Series("Gepland", [Decimal(1), Decimal(2), None], style="dashed"),
        ],
        unit="banen",
        decimals=2,
        notes=[Series("Bron", ["goedgekeurd", "voorlopig", ""])],
    )


def test_the_svg_is_an_image_named_by_its_title_and_description():
    html = str(_chart())
    assert re.search(r'<svg[^>]+role="img"[^>]+aria-labelledby="(\S+)-titel \1-omschrijving"', html)
    assert "<title id=" in html
    assert ">Banen per kwartaal</title>" in html
    assert "<desc id=" in html
    assert ">Gepland en gerealiseerd.</desc>" in html


def test_the_numbers_are_in_a_table_with_headers_and_dutch_decimals():
    html = str(_chart())
    assert "<caption>Banen per kwartaal: de cijfers</caption>" in html
    assert '<th scope="row">K1 2026</th>' in html
    assert "1,50" in html
    assert "3,25" in html
    assert "&lt; 5" in html  # a suppressed value is shown as such, not plotted
    assert "goedgekeurd" in html


def test_series_differ_by_line_style_as_well_as_colour_and_have_a_legend():
    html = str(_chart())
    assert 'stroke-dasharray="8 5"' in html
    assert 'class="chart__legend"' in html
    assert "Gerealiseerd" in html


def test_no_inline_styles_or_scripts_under_a_strict_csp():
    html = (
        str(_chart())
        + bar_chart(title="t", description="d", labels=["a"], series=[Series("s", [3])]).__html__()
    )
    assert "style=" not in html
    assert "<script" not in html


def test_text_is_escaped():
    chart = line_chart(
        title="<b>x</b>", description="&", labels=["<i>"], series=[Series("<s>", [1])]
    )
    html = str(chart)
    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<i>" not in html
    assert "<s>" not in html


def test_the_table_can_be_folded_away_behind_a_toggle():
    html = _chart().collapsed()
    assert "<details" in html
    assert "<summary>" in html
