"""Personal API tokens of a proeftuin (for the supplier's HR or payroll system)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.forms import TokenForm
from inkoopkracht.monitoring.models import ApiToken

from .common import managed_partnership


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request, pk):
    """The user's tokens for this proeftuin; a new key is shown once, right after creating it."""
    partnership = managed_partnership(request, pk)
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_key = services.create_token(
                partnership=partnership, by=request.user, name=form.cleaned_data["name"]
            )
        except services.MonitoringError as error:
            form.add_error("name", str(error))
        else:
            form = TokenForm()
    own = ApiToken.objects.filter(user=request.user, partnership=partnership)
    context = {"partnership": partnership, "form": form, "tokens": own, "new_key": new_key}
    return render(request, "monitoring/tokens.html", context)


@login_required
@require_POST
def revoke(request, pk, token_pk):
    partnership = managed_partnership(request, pk)
    token = get_object_or_404(ApiToken, pk=token_pk, user=request.user, partnership=partnership)
    try:
        services.revoke_token(token=token, by=request.user)
    except services.MonitoringError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Het token ‘%(name)s’ is ingetrokken.") % {"name": token.name})
    return redirect("monitoring:tokens", pk=partnership.pk)
