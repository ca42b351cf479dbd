"""Back-office action on a contact: give or take away access to Mijn proeftuin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import services
from .models import Contact


@require_http_methods(["GET", "POST"])
def contact_access(request, pk, *, edit_url_name):
    """Confirm, then invite the contact (new account + one-time link) or revoke the access."""
    if not request.user.has_perm("organisations.change_contact"):
        raise PermissionDenied
    contact = get_object_or_404(Contact.objects.visible_to(request.user), pk=pk)
    granting = contact.user_id is None or not contact.user.has_usable_password()
    if request.method == "POST":
        try:
            if granting:
                services.grant_portal_access(contact=contact, by=request.user)
                messages.success(request, _("Uitnodiging verstuurd naar %s.") % contact.email)
            else:
                services.revoke_portal_access(contact=contact, by=request.user)
                messages.success(request, _("Toegang van %s ingetrokken.") % contact.name)
        except services.OrganisationError as error:
            messages.error(request, str(error))
        return redirect(edit_url_name, contact.pk)
    return TemplateResponse(
        request,
        "organisations/contact_access.html",
        {
            "contact": contact,
            "granting": granting,
            "page_title": _("Toegang tot Mijn proeftuin"),
            "header_title": _("Toegang tot Mijn proeftuin"),
            "page_subtitle": str(contact),
            "edit_url_name": edit_url_name,
        },
    )
