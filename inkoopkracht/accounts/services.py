"""Every change to accounts: create, role, invitation, password, two-factor devices."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from inkoopkracht import audit

from .models import User
from .roles import GROUP_NAMES, Role
from .tokens import invitation_token

BACKUP_CODE_COUNT = 10


class AccountError(Exception):
    """A change to an account that cannot be made; the message is for the user (Dutch)."""


@transaction.atomic
def create_user(
    *,
    email: str,
    first_name: str = "",
    last_name: str = "",
    role: Role = Role.MEMBER,
    password: str | None = None,
    by=None,
) -> User:
    """Create an account. Without a password it can only be used after an invitation."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise AccountError(_("Er bestaat al een account met dit e-mailadres."))
    user = User.objects.create_user(
        email=email, password=password, first_name=first_name, last_name=last_name
    )
    _apply_role(user, role)
    audit.record(actor=by, action="user.created", target=user, data={"role": role})
    return user


def _apply_role(user: User, role: Role) -> None:
    groups = Group.objects.filter(name__in=GROUP_NAMES.values())
    user.groups.remove(*groups)
    if role in GROUP_NAMES:
        group, _created = Group.objects.get_or_create(name=GROUP_NAMES[role])
        user.groups.add(group)
    user.__dict__.pop("_group_names", None)


@transaction.atomic
def set_role(*, user: User, role: Role, by) -> User:
    """Make a user programme team, coach or plain member."""
    before = user.role
    _apply_role(user, role)
    audit.record(
        actor=by, action="user.role_changed", target=user, data={"from": before, "to": role}
    )
    return user


@transaction.atomic
def get_or_create_member(*, email: str, first_name: str = "", last_name: str = "", by) -> User:
    """The account for this address, created (without password) when there is none yet."""
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        user = create_user(email=email, first_name=first_name, last_name=last_name, by=by)
    return user


def invite(*, user: User, by, context: dict | None = None) -> None:
    """Send a one-time invitation link after the surrounding transaction commits."""
    from .tasks import send_invitation

    audit.record(actor=by, action="user.invited", target=user)
    invited_by = str(by) if by else _("het programmateam")
    transaction.on_commit(
        lambda: send_invitation.enqueue(user_id=user.pk, invited_by=invited_by, context=context)
    )


@transaction.atomic
def accept_invitation(*, user: User, token: str, password: str) -> User:
    """Set the first password through an invitation link; the link is then used up."""
    if not invitation_token.check_token(user, token):
        raise AccountError(
            _(
                "Deze uitnodigingslink is verlopen of al gebruikt. Vraag het programmateam om een nieuwe."
            )
        )
    user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(actor=user, action="user.invitation_accepted", target=user)
    return user


@transaction.atomic
def start_totp_setup(*, user: User) -> TOTPDevice:
    """A fresh, unconfirmed authenticator for the user (replacing an earlier unconfirmed one)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=_("Authenticator-app"), confirmed=False)


@transaction.atomic
def confirm_totp(*, user: User, device: TOTPDevice, token: str) -> list[str]:
    """Confirm the authenticator with a first code; returns new one-time backup codes."""
    if device.user_id != user.pk or device.confirmed:
        raise AccountError(_("Deze koppeling is niet (meer) geldig. Begin opnieuw."))
    if not device.verify_token(token):
        raise AccountError(
            _("Deze code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw.")
        )
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_backup_codes(user)
    audit.record(actor=user, action="user.two_factor_enabled", target=user)
    return codes


def _new_backup_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Herstelcodes"), confirmed=True)
    codes = [StaticToken.random_token() for _i in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


@transaction.atomic
def reset_two_factor(*, user: User, by) -> None:
    """Remove a user's authenticators (lost phone); they set up a new one at their next login."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit.record(actor=by, action="user.two_factor_reset", target=user)


@transaction.atomic
def deactivate(*, user: User, by) -> User:
    """Block an account; its sessions stop working at the next request."""
    user.is_active = False
    user.deactivated_at = timezone.now()
    user.save(update_fields=["is_active", "deactivated_at"])
    audit.record(actor=by, action="user.deactivated", target=user)
    return user


@transaction.atomic
def anonymise(*, user: User, by=None) -> User:
    """Remove the personal data of a deactivated account; the row stays for the audit trail."""
    if user.is_active:
        raise AccountError(_("Alleen een geblokkeerd account kan worden geanonimiseerd."))
    user.email = f"verwijderd-{user.pk}@invalid.example"
    user.first_name = user.last_name = ""
    user.set_unusable_password()
    user.save(update_fields=["email", "first_name", "last_name", "password"])
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit.record(actor=by, action="user.anonymised", target=user)
    return user


@transaction.atomic
def reset_password(*, user: User, password: str) -> User:
    """A new password through a reset link. Two-factor devices stay: the reset never bypasses it."""
    user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(actor=user, action="user.password_reset", target=user)
    return user


@transaction.atomic
def change_password(*, user: User, password: str) -> User:
    user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(actor=user, action="user.password_changed", target=user)
    return user
