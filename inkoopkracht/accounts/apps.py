from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "inkoopkracht.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    # The team manages accounts and roles in the back office (Gebruikers); roles themselves are
    # declared in code (roles.py), so nobody edits the groups' permissions there.
    role_permissions = {
        "team": ["accounts.add_user", "accounts.change_user", "accounts.view_user"],
    }
    audit_actions = {
        "user.created": _("Account aangemaakt"),
        "user.role_changed": _("Rol gewijzigd"),
        "user.invited": _("Uitnodiging verstuurd"),
        "user.invitation_accepted": _("Uitnodiging aanvaard"),
        "user.two_factor_enabled": _("Tweestapsverificatie ingesteld"),
        "user.two_factor_reset": _("Tweestapsverificatie gewist"),
        "user.password_reset": _("Wachtwoord opnieuw ingesteld"),
        "user.password_changed": _("Wachtwoord gewijzigd"),
        "user.deactivated": _("Account geblokkeerd"),
        "user.anonymised": _("Account geanonimiseerd"),
    }

    def ready(self):
        from . import roles

        post_migrate.connect(roles.sync_after_migrate, dispatch_uid="accounts.sync_roles")
