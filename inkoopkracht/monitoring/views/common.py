"""The one safe lookup of a proeftuin for monitoring pages, and the role gates (404, never 403)."""

from django.http import Http404

from inkoopkracht.monitoring.access import can_manage_placements, can_see_placements
from inkoopkracht.partnerships.access import get_partnership_for_user
from inkoopkracht.partnerships.models import Partnership

PLACEMENTS_PURPOSE = "Plaatsingen bekijken en bijwerken voor de kwartaalrapportage"


def partnership_for(request, pk) -> Partnership:
    """The proeftuin if the user may see it (buyer, supplier, party or programme staff)."""
    queryset = Partnership.objects.select_related("buyer", "supplier", "cohort", "current_step")
    return get_partnership_for_user(request.user, pk, queryset)


def managed_partnership(request, pk) -> Partnership:
    """The proeftuin if the user is on its supplier side (placements, imports, submission)."""
    partnership = partnership_for(request, pk)
    if not can_manage_placements(request.user, partnership):
        raise Http404
    return partnership


def placements_partnership(request, pk) -> Partnership:
    """The proeftuin if the user may see (some of) its placements."""
    partnership = partnership_for(request, pk)
    if not can_see_placements(request.user, partnership):
        raise Http404
    return partnership


def apply_errors(form, error) -> None:
    """Put a service's ValidationError or MonitoringError on the form, at the field if possible."""
    from django.core.exceptions import ValidationError

    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages if hasattr(error, "messages") else str(error))
