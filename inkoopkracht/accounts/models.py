"""Users: one account per person, logging in with email address and password."""

from functools import cached_property

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from .roles import GROUP_NAMES, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Een gebruiker heeft een e-mailadres nodig.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def coaches(self):
        """Users who may coach a proeftuin: members of the coach or team group."""
        return self.filter(is_active=True, groups__name__in=list(GROUP_NAMES.values())).distinct()


class User(AbstractUser):
    """A person who logs in: programme team, coach, or member of an organisation.

    The role follows from the groups (managed in the back office under Gebruikers); members
    have no group and reach proeftuinen through the contacts linked to their account.
    """

    username = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    deactivated_at = models.DateTimeField(_("geblokkeerd op"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["first_name", "last_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @cached_property
    def _group_names(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    @property
    def role(self) -> Role:
        if self.is_superuser or GROUP_NAMES[Role.TEAM] in self._group_names:
            return Role.TEAM
        if GROUP_NAMES[Role.COACH] in self._group_names:
            return Role.COACH
        return Role.MEMBER

    @property
    def is_programme_staff(self) -> bool:
        """Programme team and coaches: they see every proeftuin."""
        return self.is_active and self.role in (Role.TEAM, Role.COACH)

    @property
    def is_team(self) -> bool:
        return self.is_active and self.role == Role.TEAM

    @property
    def requires_two_factor(self) -> bool:
        """Staff always; a member once they have set up an authenticator themselves."""
        if self.is_programme_staff:
            return True
        from django_otp import user_has_device

        return user_has_device(self, confirmed=True)
