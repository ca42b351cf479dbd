"""Login, two-factor, password reset, invitations and the account page."""

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import services
from .forms import ChoosePasswordForm, EmailAuthenticationForm, TokenForm
from .tokens import invitation_token

User = get_user_model()


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def home_for(user) -> str:
    """Where a user lands after login: the back office for staff, the portal for members."""
    return "/beheer/" if user.is_programme_staff else reverse("partnerships:portal")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = EmailAuthenticationForm
    redirect_authenticated_user = True

    def get_success_url(self):
        user = self.request.user
        target = _safe_next(self.request, home_for(user))
        if user.requires_two_factor:
            return f"{reverse('accounts:two_factor')}?next={target}"
        return target


def locked_out(request, credentials=None, *args, **kwargs):
    """Shown by django-axes after too many failed logins (HTTP 429)."""
    return render(request, "accounts/locked_out.html", status=429)


@login_required
def home(request):
    return redirect(home_for(request.user))


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Verify with a code, or, for a first login, link an authenticator app."""
    user = request.user
    if user.is_verified():
        return redirect(_safe_next(request, home_for(user)))
    if not any(devices_for_user(user, confirmed=True)):
        return _two_factor_setup(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        throttled = _is_throttled(user)
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_safe_next(request, home_for(user)))
        form.add_error("token", _token_error(throttled))
    return render(request, "accounts/two_factor_verify.html", {"form": form})


def _is_throttled(user) -> bool:
    """After a wrong code, django-otp makes the next attempt wait (longer after each failure)."""
    return any(not device.verify_is_allowed()[0] for device in devices_for_user(user))


def _token_error(throttled: bool) -> str:
    if throttled:
        return _(
            "U hebt te vaak een verkeerde code ingevuld. Wacht even en probeer het dan opnieuw."
        )
    return _("Deze code klopt niet of is al gebruikt.")


def _two_factor_setup(request):
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or request.method == "GET":
        device = services.start_totp_setup(user=user)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.confirm_totp(
                user=user, device=device, token=form.cleaned_data["token"]
            )
        except services.AccountError as error:
            form.add_error("token", str(error))
        else:
            otp_login(request, device)
            return render(
                request,
                "accounts/two_factor_backup_codes.html",
                {"codes": codes, "next": _safe_next(request, home_for(user))},
            )
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr.svg_inline(scale=5, title=_("QR-code voor uw authenticator-app")),
            "secret": _base32(device),
        },
    )


def _base32(device) -> str:
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _user_from_uid(uidb64):
    try:
        pk = urlsafe_base64_decode(uidb64).decode()
        return User.objects.get(pk=pk)
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        return None


@require_http_methods(["GET", "POST"])
def accept_invitation(request, uidb64, token):
    """Choose a password through a one-time invitation link."""
    user = _user_from_uid(uidb64)
    if user is None or not invitation_token.check_token(user, token):
        return render(request, "accounts/invitation_invalid.html", status=400)
    form = ChoosePasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.accept_invitation(
            user=user, token=token, password=form.cleaned_data["new_password1"]
        )
        messages.success(request, _("Uw wachtwoord is ingesteld. U kunt nu inloggen."))
        return redirect("accounts:login")
    return render(request, "accounts/invitation_accept.html", {"form": form, "invited": user})


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    html_email_template_name = "accounts/email/password_reset.html"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password. It never logs in: two-factor still applies at the next login."""

    template_name = "accounts/password_reset_confirm.html"
    form_class = ChoosePasswordForm
    post_reset_login = False
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        services.reset_password(user=form.user, password=form.cleaned_data["new_password1"])
        # Skip SetPasswordForm.save(): the service has already saved.
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return redirect(self.get_success_url())


@login_required
def account(request):
    """The user's own account: role, organisations, two-factor status, password."""
    user = request.user
    has_device = any(devices_for_user(user, confirmed=True))
    return render(request, "accounts/account.html", {"account": user, "has_device": has_device})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        services.change_password(user=form.user, password=form.cleaned_data["new_password1"])
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, _("Uw wachtwoord is gewijzigd."))
        return redirect(self.get_success_url())


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """Link an authenticator (members who opt in; staff are sent here at first login)."""
    if any(devices_for_user(request.user, confirmed=True)):
        return redirect("accounts:account")
    return _two_factor_setup(request)
