"""Background tasks of the accounts app (django-tasks; run by the db_worker)."""

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from inkoopkracht.lib.mail import send_templated_mail

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
