"""Public pages: apply as a proeftuin, ask for information, order printed copies of the guide.

No login. Every form works without JavaScript and keeps what the visitor typed when something
is wrong. Spam protection: see ``spam.py``.
"""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import retention, services
from .forms import ApplicationForm, GuideOrderForm, InformationRequestForm, KindForm
from .models import Application, SubmissionAttempt

RECEIVED = "intake_received"  # session key: what the confirmation page shows


def _refused(form, error: Exception) -> int:
    """Show a refused submission at the top of the form; the HTTP status that goes with it."""
    for message in error.messages if isinstance(error, ValidationError) else [str(error)]:
        form.add_error(None, message)
    return 429 if isinstance(error, services.TooManySubmissions) else 200


@require_http_methods(["GET", "POST"])
def apply(request):
    """Step 1 chooses how to apply (?als=...); step 2 is the form for that choice."""
    kind = request.GET.get("als", "")
    if kind not in Application.Kind.values:
        choice = KindForm(request.GET if "als" in request.GET else None)
        choice.is_valid()
        return render(request, "intake/apply_start.html", {"form": choice})
    form = ApplicationForm(request.POST if request.method == "POST" else None, kind=kind)
    status = 200
    if request.method == "POST":
        address = get_client_ip_address(request)
        if form.is_bot:
            services.register_blocked_submission(
                scope=SubmissionAttempt.Scope.APPLICATION, client_address=address
            )
            request.session[RECEIVED] = {"kind": "application"}
            return redirect("intake:apply_received")
        if form.is_valid():
            try:
                application = services.submit_application(
                    client_address=address, **form.submission()
                )
            except (services.IntakeError, ValidationError) as error:
                status = _refused(form, error)
            else:
                request.session[RECEIVED] = {
                    "kind": "application",
                    "reference": application.reference,
                    "emails": application.contact_emails,
                    "one_sided": application.is_one_sided,
                }
                return redirect("intake:apply_received")
    context = {"form": form, "kind_label": Application.Kind(kind).label}
    return render(request, "intake/apply_form.html", context, status=status)


def apply_received(request):
    return render(
        request, "intake/apply_received.html", {"received": request.session.get(RECEIVED, {})}
    )


def privacy(request):
    """What we keep of applicants and requesters, and for how long (from the retention data)."""
    context = {"rows": retention.public_table(), "programme_email": settings.PROGRAMME_EMAIL}
    return render(request, "intake/privacy.html", context)


def _request_view(request, *, form_class, submit, template: str, kind: str):
    form = form_class(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        address = get_client_ip_address(request)
        if form.is_bot:
            services.register_blocked_submission(
                scope=SubmissionAttempt.Scope.REQUEST, client_address=address
            )
            request.session[RECEIVED] = {"kind": kind}
            return redirect("intake:request_received")
        if form.is_valid():
            try:
                created = submit(client_address=address, **form.submission())
            except (services.IntakeError, ValidationError) as error:
                status = _refused(form, error)
            else:
                request.session[RECEIVED] = {"kind": kind, "email": created.email}
                return redirect("intake:request_received")
    return render(request, template, {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def information_request(request):
    return _request_view(
        request,
        form_class=InformationRequestForm,
        submit=services.submit_information_request,
        template="intake/information_request.html",
        kind="information",
    )


@require_http_methods(["GET", "POST"])
def guide_order(request):
    return _request_view(
        request,
        form_class=GuideOrderForm,
        submit=services.submit_guide_order,
        template="intake/guide_order.html",
        kind="guide",
    )


def request_received(request):
    return render(
        request, "intake/request_received.html", {"received": request.session.get(RECEIVED, {})}
    )
