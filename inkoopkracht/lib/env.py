"""Tiny typed readers for environment variables (after healthchecks' settings helpers)."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

PREFIX = "INKOOPKRACHT_"


def _raw(name: str) -> str | None:
    """Read ``NAME`` or, when unset, ``INKOOPKRACHT_NAME``."""
    value = os.environ.get(name)
    if value is None:
        value = os.environ.get(PREFIX + name)
    return value


def env_str(name: str, default: str = "") -> str:
    value = _raw(name)
    return default if value is None else value


def env_bool(name: str, default: bool = False) -> bool:
    value = _raw(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"Unexpected value {name}={value!r}, use True or False")


def env_int(name: str, default: int) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None or value.strip() == "":
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_secret(name: str, default: str = "") -> str:
    """Read a secret from ``NAME`` or from the file named in ``NAME_FILE`` (Docker secrets)."""
    value = _raw(name)
    if value:
        return value
    path = _raw(name + "_FILE")
    if path:
        return Path(path).read_text().strip()
    return default
