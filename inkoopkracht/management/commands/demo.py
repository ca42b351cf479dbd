"""``inkoopkracht demo``: migrate, load the demo programme and serve it with a task worker."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from .load_demo import load_demo, print_logins


class Command(BaseCommand):
    help = "Migreer, laad het demoprogramma en start de website (met achtergrondtaken)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--no-serve", action="store_true", help="Alleen migreren en laden.")

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database bijgewerkt.")
        ctx = load_demo(write=lambda line: self.stdout.write(line))
        if options["no_serve"]:
            print_logins(ctx, self.stdout)
            return
        address = f"http://{options['host']}:{options['port']}"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Inkoopkracht draait op {address}/"))
        self.stdout.write(f"  Website           {address}/")
        self.stdout.write(f"  Mijn proeftuin    {address}/mijn/")
        self.stdout.write(f"  Beheer            {address}/beheer/")
        self.stdout.write(f"  API (OpenAPI)     {address}/api/v1/docs")
        for label, path in ctx.urls:
            self.stdout.write(f"  {label:<17} {address}{path}")
        print_logins(ctx, self.stdout)
        self.stdout.write("Stoppen: Ctrl+C")
        # Links in mails point at this server (the worker sends the mails, so it gets it too).
        settings.SITE_URL = address
        env = {**os.environ, "SITE_URL": address}
        # Background work: a task worker, and the periodic jobs every 15 minutes.
        helpers = [
            subprocess.Popen([sys.executable, "-m", "inkoopkracht.cli", "db_worker"], env=env),
            subprocess.Popen(
                [sys.executable, "-m", "inkoopkracht.cli", "run_periodic", "--loop", "900"],
                stdout=subprocess.DEVNULL,
                env=env,
            ),
        ]
        try:
            call_command("runserver", f"{options['host']}:{options['port']}", use_reloader=False)
        finally:
            for process in helpers:
                process.terminate()
                process.wait(timeout=10)
