"""Mail leaves through a real SMTP server (aiosmtpd on a free localhost port) and arrives whole."""

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller

from .factories import application_form_data

pytestmark = [pytest.mark.django_db, pytest.mark.smtp]


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    yield inbox
    controller.stop()


def test_the_confirmation_of_an_application_arrives_with_text_and_html(
    client, smtp_server, django_capture_on_commit_callbacks
):
    data = application_form_data("opdrachtgever")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/aanmelden/?als=opdrachtgever", data)
    assert response.status_code == 302

    confirmation, notice = smtp_server.envelopes
    assert confirmation.rcpt_tos == [data["buyer_contact_email"]]
    assert confirmation.mail_from == "noreply@inkoopkracht.example"
    message = email.message_from_bytes(confirmation.original_content, policy=policy.default)
    assert message["Subject"].startswith("Wij hebben uw aanmelding ontvangen (AM-")
    assert message["Reply-To"] == "programmateam@inkoopkracht.example"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Dank u wel voor uw aanmelding als proeftuin" in text
    assert data["buyer_name"] in text
    assert "<html" in html
    assert "Dank u wel voor uw aanmelding als proeftuin" in html
    assert notice.rcpt_tos == ["programmateam@inkoopkracht.example"]
