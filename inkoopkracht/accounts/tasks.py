"""Background tasks of the accounts app (django-tasks; run by the db_worker)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from inkoopkracht.lib.mail import send_templated_mail
from inkoopkracht.lib.periodic import periodic
from inkoopkracht.lib.retention import retention_period

from .models import User
from .tokens import invitation_token


def invitation_url(user: User) -> str:
    uid = urlsafe_base64_encode(str(user.pk).encode())
    token = invitation_token.make_token(user)
    return settings.SITE_URL + reverse("accounts:invitation", args=[uid, token])


@task()
def send_invitation(*, user_id: int, invited_by: str, context: dict | None = None) -> None:
    """Email a one-time link with which the invited person chooses a password."""
    user = User.objects.get(pk=user_id)
    send_templated_mail(
        "accounts/email/invitation",
        to=[user.email],
        context={
            "user": user,
            "url": invitation_url(user),
            "invited_by": invited_by,
            "valid_days": settings.INVITATION_TIMEOUT_DAYS,
            **(context or {}),
        },
    )


@periodic("accounts.purge_inactive_users")
@task()
def purge_inactive_users() -> int:
    """Anonymise accounts blocked longer ago than their retention period (data inventory)."""
    from . import services

    cutoff = timezone.now() - retention_period("accounts.User")
    due = User.objects.filter(is_active=False, deactivated_at__lt=cutoff).exclude(
        email__endswith="@invalid.example"
    )
    count = 0
    for user in due.iterator():
        services.anonymise(user=user)
        count += 1
    return count


@periodic("accounts.purge_login_records")
@task()
def purge_login_records() -> int:
    """Drop expired sessions and failed-login records older than their retention period."""
    from axes.models import AccessAttempt, AccessFailureLog
    from django.contrib.sessions.models import Session

    Session.objects.filter(expire_date__lt=timezone.now()).delete()
    cutoff = timezone.now() - retention_period("axes.AccessAttempt")
    deleted, _detail = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()
    AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()
    return deleted
