"""Personal API tokens (one proeftuin each) and the stored answers behind idempotency keys."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inkoopkracht import audit
from inkoopkracht.monitoring.access import can_manage_placements
from inkoopkracht.monitoring.models import ApiToken, IdempotencyKey

from .errors import MonitoringError

TOKEN_PREFIX = "ikt_"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def create_token(*, partnership, by, name: str) -> tuple[ApiToken, str]:
    """A new token for the API of one proeftuin; the key is returned once and stored hashed."""
    if not can_manage_placements(by, partnership):
        raise MonitoringError(_("Alleen de leverancier van de proeftuin kan een API-token maken."))
    if not name.strip():
        raise MonitoringError(_("Geef het token een naam, bijvoorbeeld de naam van uw HR-systeem."))
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=by,
        partnership=partnership,
        name=name.strip()[:100],
        prefix=key[:12],
        key_hash=hash_key(key),
        expires_at=timezone.now() + timedelta(days=settings.API_TOKEN_DAYS),
    )
    audit.record(
        actor=by, action="token.created", target=token, data={"partnership": partnership.pk}
    )
    return token, key


@transaction.atomic
def revoke_token(*, token: ApiToken, by) -> ApiToken:
    if token.user_id != getattr(by, "pk", None):
        raise MonitoringError(_("U kunt alleen uw eigen tokens intrekken."))
    if token.revoked_at is not None:
        raise MonitoringError(_("Dit token is al ingetrokken."))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(actor=by, action="token.revoked", target=token)
    return token


def use_token(key: str) -> ApiToken | None:
    """The active token with this key (its user still active), noting when it was last used."""
    if not key or not key.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.active()
        .select_related("user", "partnership")
        .filter(key_hash=hash_key(key), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=15):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def recall_response(*, user, key: str, request_hash: str) -> IdempotencyKey | None:
    """The stored answer for a retried write; an error if the key was used for another request."""
    stored = IdempotencyKey.objects.filter(user=user, key=key).first()
    if stored is not None and stored.request_hash != request_hash:
        raise MonitoringError(_("Deze Idempotency-Key is al gebruikt voor een ander verzoek."))
    return stored


def remember_response(
    *, user, key: str, request_hash: str, status_code: int, response: dict
) -> None:
    """Keep the answer to a write, so that a retry with the same key gets the same answer."""
    try:
        with transaction.atomic():
            IdempotencyKey.objects.create(
                user=user,
                key=key[:100],
                request_hash=request_hash,
                status_code=status_code,
                response=response,
            )
    except IntegrityError:
        pass  # a parallel retry stored it first; its answer is the same
