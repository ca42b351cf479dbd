"""``inkoopkracht import-placements --proeftuin ID FILE [--dry-run]``

Checks a placements file (CSV or XLSX, the published template) against a proeftuin with a
progress bar, prints the row errors or the changes, and applies it in one transaction unless
``--dry-run`` is given. Exit code 1 when the file has errors (nothing is stored then).
"""

import getpass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from inkoopkracht.audit.context import set_origin
from inkoopkracht.monitoring import services
from inkoopkracht.partnerships.models import Partnership


class Command(BaseCommand):
    help = "Importeer plaatsingen uit een CSV- of XLSX-bestand in een proeftuin."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Het bestand (CSV of XLSX) volgens het sjabloon.")
        parser.add_argument(
            "--proeftuin", type=int, required=True, help="Het nummer (id) van de proeftuin."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen controleren; niets opslaan."
        )

    def handle(self, *args, file, proeftuin, dry_run, **options):
        set_origin("cli")
        partnership = (
            Partnership.objects.select_related("supplier", "buyer").filter(pk=proeftuin).first()
        )
        if partnership is None:
            raise CommandError(f"Onbekende proeftuin: {proeftuin}")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        actor = f"cli ({getpass.getuser()})"
        job, plan = self._run(partnership, path, actor, dry_run)
        self._report(plan)
        if not plan.is_valid:
            raise CommandError("Het bestand bevat fouten; er is niets opgeslagen.", returncode=1)
        if dry_run:
            self.stdout.write("Proefdraaien (--dry-run): er is niets opgeslagen.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Verwerkt in één transactie (import {job.pk})."))

    def _run(self, partnership, path: Path, actor: str, dry_run: bool):
        from tqdm import tqdm

        with tqdm(
            total=0, unit=" rijen", desc="Controleren", file=self.stderr, disable=None
        ) as bar:

            def progress(done, total):
                bar.total = total
                bar.update(done - bar.n)

            return services.import_directly(
                partnership=partnership,
                by=actor,
                filename=path.name,
                data=path.read_bytes(),
                progress=progress,
                dry_run=dry_run,
            )

    def _report(self, plan):
        if plan.file_error:
            self.stderr.write(plan.file_error)
            return
        for error in plan.errors[:200]:
            self.stderr.write(f"rij {error.row}, kolom {error.column}: {error.message}")
        if len(plan.errors) > 200:
            self.stderr.write(f"… en nog {len(plan.errors) - 200} fouten.")
        counts = plan.counts()
        self.stdout.write(
            f"{plan.rows} rijen: {counts['nieuw']} nieuw, {counts['gewijzigd']} gewijzigd, "
            f"{counts['beeindigd']} beëindigd, {counts['ongewijzigd']} ongewijzigd."
        )
