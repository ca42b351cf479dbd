"""The ``inkoopkracht`` console script: the project's manage.py."""

import os
import sys


def command_argv(argv: list[str]) -> list[str]:
    """Django command names cannot contain '-': ``import-placements`` runs ``import_placements``."""
    if len(argv) > 1 and "-" in argv[1] and not argv[1].startswith("-"):
        return [argv[0], argv[1].replace("-", "_"), *argv[2:]]
    return argv


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inkoopkracht.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(command_argv(sys.argv))


if __name__ == "__main__":
    main()
