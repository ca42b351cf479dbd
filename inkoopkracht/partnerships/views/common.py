"""Shared pieces of the proeftuin views: the editable lookup, refusals as a 403 page with the
Dutch reason, and service errors shown at the form's fields."""

from functools import wraps

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

from inkoopkracht.partnerships.access import can_edit, get_partnership_for_user
from inkoopkracht.partnerships.services import NotAllowed


def refusals_as_403(view):
    """Render a ``NotAllowed`` from a service or lookup as a 403 page with its message."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotAllowed as refusal:
            context = {"message": str(refusal)}
            return render(request, "partnerships/forbidden.html", context, status=403)

    return wrapper


def editable_partnership(request, pk, queryset=None):
    """The proeftuin if this user may change it: 404 when not visible, 403 when only visible."""
    partnership = get_partnership_for_user(request.user, pk, queryset)
    if not can_edit(request.user, partnership):
        raise NotAllowed(
            _("Alleen de begeleiders van deze proeftuin en het programmateam kunnen dit wijzigen.")
        )
    return partnership


def show_service_errors(form, error: ValidationError, renamed: dict | None = None) -> None:
    """Put a service's ``ValidationError`` on the form: at the field it names, else on top."""
    renamed = renamed or {}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, messages in error.message_dict.items():
        field = renamed.get(name, name)
        form.add_error(field if field in form.fields else None, messages)


def page_context(request, partnership, tab: str, **extra) -> dict:
    """What every tab of a proeftuin's page needs: the proeftuin, the tab, and who may edit."""
    return {
        "partnership": partnership,
        "tab": tab,
        "can_edit": can_edit(request.user, partnership),
        **extra,
    }
