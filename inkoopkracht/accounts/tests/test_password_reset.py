"""Password reset by e-mail: a one-time link, and it never skips two-factor."""

import re

import pytest
from django.urls import reverse

from inkoopkracht.accounts.tests.helpers import current_code, totp_device

pytestmark = pytest.mark.django_db


NEW_PASSWORD = "nieuw-en-lang-wachtwoord-7"


def reset_link(client, mailoutbox, email):
    client.post(reverse("accounts:password_reset"), {"email": email})
    assert len(mailoutbox) == 1
    return re.search(r"http://testserver(/account/wachtwoord/nieuw/\S+)", mailoutbox[0].body).group(
        1
    )


def choose_password(client, link):
    form_url = client.get(link)["Location"]
    return client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})


def test_reset_then_login_still_asks_for_the_code(client, mailoutbox, programme_admin):
    device = totp_device(programme_admin)
    link = reset_link(client, mailoutbox, programme_admin.email)
    assert mailoutbox[0].alternatives  # an HTML version too
    response = choose_password(client, link)
    assert response["Location"] == reverse("accounts:password_reset_complete")
    assert client.get("/beheer/").status_code == 302  # the reset did not log in

    client.post(
        reverse("accounts:login"), {"username": programme_admin.email, "password": NEW_PASSWORD}
    )
    assert client.get("/beheer/")["Location"].startswith(reverse("accounts:two_factor"))
    client.post(reverse("accounts:two_factor"), {"token": current_code(device)})
    assert client.get("/beheer/").status_code == 200


def test_reset_link_works_once(client, mailoutbox, supplier_member):
    link = reset_link(client, mailoutbox, supplier_member.email)
    choose_password(client, link)
    again = client.get(link, follow=True)
    assert "Deze link is verlopen of al gebruikt" in again.content.decode()


def test_unknown_address_gets_the_same_answer_and_no_mail(client, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": "niemand@nergens.example"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mailoutbox == []


def test_weak_password_is_refused_in_dutch(client, mailoutbox, supplier_member):
    link = reset_link(client, mailoutbox, supplier_member.email)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": "kort", "new_password2": "kort"})
    assert "Dit wachtwoord is te kort" in response.content.decode()
