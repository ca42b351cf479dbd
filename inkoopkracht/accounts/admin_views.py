"""Back-office action of the team: reset a user's two-factor authentication (lost phone)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import services
from .models import User


@require_http_methods(["GET", "POST"])
def reset_two_factor(request, pk):
    """Confirm, then remove the user's authenticators; they link a new one at their next login."""
    if not request.user.is_team:
        raise PermissionDenied
    account = get_object_or_404(User, pk=pk)
    if request.method == "POST":
        services.reset_two_factor(user=account, by=request.user)
        messages.success(
            request,
            _("De tweestapsverificatie van %(user)s is gewist.") % {"user": account.email},
        )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "accounts/admin/reset_two_factor.html",
        {
            "account": account,
            "page_title": _("Tweestapsverificatie opnieuw instellen"),
            "header_title": _("Tweestapsverificatie opnieuw instellen"),
            "page_subtitle": account.email,
        },
    )
