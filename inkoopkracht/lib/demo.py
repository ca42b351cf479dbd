"""The shared context of the demo loaders: one ``demo.py`` per app with ``load(ctx)``.

The loader command calls every app's ``demo.load(ctx)`` in INSTALLED_APPS order (which is the
dependency order). Each loader is deterministic and idempotent: it looks its objects up by a
natural key and only creates what is missing, so loading twice changes nothing. Tables of demo
data live as CSV in the app's ``demo_data/`` folder.
"""

import csv
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DEMO_PASSWORD = "Proeftuin-demo-2026"


def read_demo_csv(module_file: str, name: str) -> list[dict[str, str]]:
    """Rows of ``demo_data/<name>`` next to the calling module."""
    path = Path(module_file).resolve().parent / "demo_data" / name
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@dataclass
class DemoLogin:
    role: str
    email: str
    note: str = ""


@dataclass
class DemoContext:
    today: date
    write: callable = print
    logins: list[DemoLogin] = field(default_factory=list)
    urls: list[tuple[str, str]] = field(default_factory=list)

    def rng(self, name: str) -> random.Random:
        """A random generator with a fixed seed per loader: the same data on every machine."""
        return random.Random(f"inkoopkracht-demo-{name}")
