"""``inkoopkracht monitor --period 2026-Q3 [--proeftuin ID] [--regime split|one] [--format table|csv|json]``

Prints the monitoring figures per proeftuin and the total (for the programme team on the server:
no small-number suppression). Approved quarters show their frozen figures (column ``bron``).
"""

import csv
import json
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from inkoopkracht.monitoring.figures import Regime, compute_figures
from inkoopkracht.monitoring.periods import Period, PeriodError
from inkoopkracht.partnerships.models import Partnership

COLUMNS = [
    "proeftuin", "naam", "bron", "banen_gemiddeld", "banen_einde", "personen", "baseline",
    "extra_banen", "ambition", "progress",
]  # fmt: skip


def _round(value, places="0.01"):
    return None if value is None else value.quantize(Decimal(places))


def row_values(figures, name: str) -> dict:
    progress = figures.progress
    values = {
        "proeftuin": figures.partnership_id or "",
        "naam": name,
        "bron": str(figures.source),
        "banen_gemiddeld": _round(figures.banen_gemiddeld),
        "banen_einde": _round(figures.banen_einde),
        "personen": figures.personen,
        "baseline": _round(figures.baseline),
        "extra_banen": _round(figures.extra_banen),
        "ambition": _round(figures.ambition, "0.1"),
        "progress": None if progress is None else _round(progress * 100, "1"),
    }
    for part in figures.attribution():
        values[f"banen_einde_{part['key']}"] = _round(part["banen_einde"])
    return values


class Command(BaseCommand):
    help = "Toon de monitoringcijfers per proeftuin voor een kwartaal of jaar."

    def add_arguments(self, parser):
        parser.add_argument(
            "--period",
            "--periode",
            dest="period",
            help="Kwartaal (2026-Q3) of jaar (2026); standaard het laatste afgesloten kwartaal.",
        )
        parser.add_argument(
            "--proeftuin",
            type=int,
            action="append",
            help="Alleen deze proeftuin (meer keren mogelijk).",
        )
        parser.add_argument(
            "--regime",
            choices=[r.value for r in Regime],
            help="split (gescheiden sectoren) of one (één afspraak); standaard wat voor dat jaar geldt.",
        )
        parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
        parser.add_argument(
            "--live",
            action="store_true",
            help="Reken alles opnieuw uit, ook goedgekeurde kwartalen.",
        )

    def handle(self, *args, period, proeftuin, regime, format, live, **options):
        try:
            chosen = (
                Period.parse(period)
                if period
                else Period.last_completed_quarter(timezone.localdate())
            )
        except PeriodError as error:
            raise CommandError(str(error)) from error
        partnerships = Partnership.objects.exclude(status=Partnership.Status.APPLIED).order_by("pk")
        if proeftuin:
            partnerships = Partnership.objects.filter(pk__in=proeftuin).order_by("pk")
            missing = set(proeftuin) - set(partnerships.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"Onbekende proeftuin: {', '.join(map(str, sorted(missing)))}")
        figure_set = compute_figures(
            partnerships,
            chosen,
            Regime(regime) if regime else None,
            approved=not live,
            durability=False,
        )
        names = dict(partnerships.values_list("pk", "name"))
        rows = [row_values(row, names[row.partnership_id]) for row in figure_set.rows]
        total = row_values(figure_set.total, "Totaal")
        total["bron"] = ""
        self._write(format, rows, total, chosen, figure_set.regime)

    def _write(self, fmt, rows, total, period, regime):
        columns = list(total)
        if fmt == "json":
            payload = {
                "periode": str(period),
                "regime": regime,
                "proeftuinen": rows,
                "totaal": total,
            }
            self.stdout.write(json.dumps(payload, default=str, indent=2, ensure_ascii=False))
            return
        if fmt == "csv":
            writer = csv.DictWriter(self.stdout, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows([*rows, total])
            return
        self.stdout.write(f"Periode {period} · regime {regime}")
        table = [columns] + [[_cell(row.get(c)) for c in columns] for row in [*rows, total]]
        widths = [max(len(line[i]) for line in table) for i in range(len(columns))]
        for index, line in enumerate(table):
            self.stdout.write(
                "  ".join(
                    cell.ljust(w) if i < 3 else cell.rjust(w)
                    for i, (cell, w) in enumerate(zip(line, widths, strict=True))
                )
            )
            if index == 0 or index == len(table) - 2:
                self.stdout.write("  ".join("-" * w for w in widths))


def _cell(value) -> str:
    return "–" if value is None else str(value)
