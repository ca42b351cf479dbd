"""Templated email: every message has a text and an HTML version rendered from templates.

``send_templated_mail("accounts/email/invitation", to=[...], context={...})`` renders
``<prefix>_subject.txt``, ``<prefix>.txt`` and ``<prefix>.html``. Call it from a task or from
``transaction.on_commit`` so that no mail leaves for a change that was rolled back.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def build_templated_mail(
    template_prefix: str,
    *,
    to: list[str],
    context: dict,
    language: str = "nl",
    attachments: list[tuple[str, bytes, str]] = (),
    reply_to: list[str] | None = None,
) -> EmailMultiAlternatives:
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        text = render_to_string(f"{template_prefix}.txt", context)
        html = render_to_string(f"{template_prefix}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to,
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def send_templated_mail(template_prefix: str, *, to: list[str], context: dict, **kwargs) -> None:
    build_templated_mail(template_prefix, to=to, context=context, **kwargs).send()
