"""``inkoopkracht run_periodic [--loop SECONDS]``: enqueue every periodic task (see lib.periodic)."""

import time

from django.core.management.base import BaseCommand

from inkoopkracht.audit.context import set_origin
from inkoopkracht.lib.periodic import discover


class Command(BaseCommand):
    help = "Zet alle periodieke taken (herinneringen, verloop, opschonen) in de wachtrij."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", type=int, default=0, help="Herhaal elke zoveel seconden (0: één keer)."
        )

    def handle(self, *args, loop, **options):
        set_origin("periodic")
        while True:
            for name, job in discover().items():
                job.enqueue()
                self.stdout.write(f"In de wachtrij: {name}")
            if not loop:
                return
            time.sleep(loop)
