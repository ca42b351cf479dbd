"""Background work of the intake: the mails after a submission or decision, and the purge."""

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from inkoopkracht.lib.mail import send_templated_mail
from inkoopkracht.lib.periodic import periodic

from . import retention
from .models import Application, GuideOrder, InformationRequest


def _application(application_id: int) -> Application:
    return Application.objects.with_overview().get(pk=application_id)


def admin_url(application: Application) -> str:
    return settings.SITE_URL + reverse("intake_applications:inspect", args=[application.pk])


@task()
def send_application_received(*, application_id: int) -> None:
    """Confirm to the applicants what we received; tell the programme team there is a new one."""
    application = _application(application_id)
    context = {"application": application, "parties": application.sorted_parties}
    send_templated_mail(
        "intake/email/application_received",
        to=application.contact_emails,
        context=context,
        reply_to=[settings.PROGRAMME_EMAIL],
    )
    send_templated_mail(
        "intake/email/application_new",
        to=[settings.PROGRAMME_EMAIL],
        context={**context, "url": admin_url(application)},
    )


@task()
def send_decision(*, application_id: int, decision: str, message: str) -> None:
    """The team's message about the decision (accepted or rejected), as the team wrote it."""
    application = _application(application_id)
    partnership = application.partnership
    send_templated_mail(
        f"intake/email/decision_{decision}",
        to=application.contact_emails,
        context={
            "application": application,
            "message": message,
            "partnership": partnership,
            "coaches": list(partnership.coaches.all()) if partnership else [],
            "portal_url": settings.SITE_URL + reverse("accounts:login"),
        },
        reply_to=[settings.PROGRAMME_EMAIL],
    )


@task()
def send_request_received(*, kind: str, request_id: int) -> None:
    """Confirm an information request or a guide order."""
    model = InformationRequest if kind == "information" else GuideOrder
    request = model.objects.get(pk=request_id)
    send_templated_mail(
        f"intake/email/{kind}_received",
        to=[request.email],
        context={"request": request, "purge_days": retention.rules()["guide_order_address"].days},
        reply_to=[settings.PROGRAMME_EMAIL],
    )


@periodic("intake.purge_personal_data")
@task()
def purge_personal_data() -> dict:
    """Delete or wipe personal data past its retention period (idempotent)."""
    from .services import purge_personal_data as purge

    return purge()
