"""Dutch labels for audit actions, declared by each app as ``audit_actions`` on its AppConfig."""

from functools import cache

from django.apps import apps


@cache
def _labels() -> dict[str, str]:
    result = {}
    for config in apps.get_app_configs():
        result.update(getattr(config, "audit_actions", {}))
    return result


def label_for(action: str) -> str:
    """The label of an action, or the action code itself when none was declared."""
    return str(_labels().get(action, action))
