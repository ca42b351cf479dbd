"""Load the fictional demo programme (idempotent): ``inkoopkracht load_demo``."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from inkoopkracht.audit.context import set_origin
from inkoopkracht.lib.demo import DEMO_PASSWORD, DemoContext


def demo_modules():
    """The ``demo`` module of every installed app of ours that has one, in dependency order."""
    for config in apps.get_app_configs():
        if config.name.startswith("inkoopkracht.") and find_spec(f"{config.name}.demo"):
            yield import_module(f"{config.name}.demo")


def load_demo(write=print) -> DemoContext:
    ctx = DemoContext(today=timezone.localdate(), write=write)
    set_origin("demo")
    for module in demo_modules():
        with transaction.atomic():
            module.load(ctx)
    return ctx


class Command(BaseCommand):
    help = "Laad het fictieve demoprogramma (veilig om opnieuw te draaien)."

    def handle(self, *args, **options):
        ctx = load_demo(write=lambda line: self.stdout.write(line))
        print_logins(ctx, self.stdout)


def print_logins(ctx: DemoContext, stdout) -> None:
    stdout.write("")
    stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
    for login in ctx.logins:
        note = f"  – {login.note}" if login.note else ""
        stdout.write(f"  {login.role:<28} {login.email}{note}")
