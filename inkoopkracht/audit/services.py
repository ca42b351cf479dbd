"""The one way to write an audit record. Import as ``from inkoopkracht import audit``."""

from django.contrib.contenttypes.models import ContentType

from .context import current_origin
from .models import AuditRecord


def _json_safe(value):
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_json_safe(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def record(
    *,
    actor,
    action: str,
    target=None,
    result: str = AuditRecord.Result.SUCCESS,
    data: dict | None = None,
    purpose: str = "",
    kind: str = AuditRecord.Kind.WRITE,
) -> AuditRecord:
    """Record that ``actor`` did ``action`` (namespaced, e.g. ``partnership.created``) on ``target``.

    Call it inside the service's transaction so that the record and the change commit together.
    """
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditRecord.objects.create(
        kind=kind,
        actor=user,
        actor_repr=user.email if user else (str(actor) if actor else "systeem"),
        action=action,
        target_type=ContentType.objects.get_for_model(target, for_concrete_model=False)
        if target is not None
        else None,
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:255] if target is not None else "",
        result=result,
        origin=current_origin(),
        purpose=purpose,
        data=_json_safe(data or {}),
    )


def record_read(*, actor, action: str, target=None, purpose: str, data: dict | None = None):
    """Record a read of sensitive data (placement lists and the like) with its purpose."""
    return record(
        actor=actor,
        action=action,
        target=target,
        data=data,
        purpose=purpose,
        kind=AuditRecord.Kind.READ,
    )


def changes(instance, changed_fields) -> dict:
    """A JSON-safe ``{field: new value}`` of the changed fields, for an audit record."""
    return {name: _json_safe(getattr(instance, name, None)) for name in changed_fields}


def save_model_form(*, form, by, action: str):
    """Save a validated model form (with its inline children) and record it, in one transaction.

    For plain records edited in the back office; domain changes with rules of their own get a
    service of their own. ``action`` is the namespace: ``organisation`` gives
    ``organisation.created`` or ``organisation.changed``.
    """
    from django.db import transaction

    with transaction.atomic():
        creating = form.instance._state.adding
        instance = form.save()
        record(
            actor=by,
            action=f"{action}.{'created' if creating else 'changed'}",
            target=instance,
            data={"fields": sorted(form.changed_data)} if not creating else {},
        )
    return instance
