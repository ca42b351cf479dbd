"""Roles are Django groups; each app declares what each role may do in its AppConfig.

An app adds ``role_permissions = {"team": [...], "coach": [...]}`` to its AppConfig, listing
permission codenames as ``"app_label.codename"`` or ``"app_label.*"`` (every permission of that
app). After every ``migrate`` the groups are brought in line with these declarations, so the
declarations in code are the one source of truth for what a role may do in the back office.
"""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    TEAM = "team", _("Programmateam")
    COACH = "coach", _("Begeleider")
    MEMBER = "member", _("Deelnemer")


# The Django group that carries each staff role (members need no group).
GROUP_NAMES = {Role.TEAM: "Programmateam", Role.COACH: "Begeleiders"}

# What every staff role may do regardless of app: enter the back office.
BASE_PERMISSIONS = {
    Role.TEAM: ["wagtailadmin.access_admin"],
    Role.COACH: ["wagtailadmin.access_admin"],
}


def declared_permissions() -> dict[str, list[str]]:
    """``{role: [permission spec, ...]}`` collected from every installed app."""
    result = {role: list(specs) for role, specs in BASE_PERMISSIONS.items()}
    for config in apps.get_app_configs():
        for role, specs in getattr(config, "role_permissions", {}).items():
            result.setdefault(Role(role), []).extend(specs)
    return result


def _resolve(specs, permission_model):
    query = models.Q(pk__in=[])
    for spec in specs:
        app_label, codename = spec.split(".", 1)
        if codename == "*":
            query |= models.Q(content_type__app_label=app_label)
        else:
            query |= models.Q(content_type__app_label=app_label, codename=codename)
    return permission_model.objects.filter(query)


def sync_role_groups(group_model=None, permission_model=None) -> None:
    """Create the role groups and give them exactly the declared permissions."""
    group_model = group_model or apps.get_model("auth", "Group")
    permission_model = permission_model or apps.get_model("auth", "Permission")
    for role, specs in declared_permissions().items():
        group, _created = group_model.objects.get_or_create(name=GROUP_NAMES[role])
        group.permissions.set(_resolve(specs, permission_model))


def sync_after_migrate(sender, **kwargs):
    """post_migrate: run once, after the last app has had its permissions created."""
    # post_migrate is only sent for apps with a models module.
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender is last:
        sync_role_groups()
