"""Small helpers for the events tests."""

import re

from django.urls import reverse


def link_in(mail, prefix: str) -> str:
    """The site-relative path of the first link in a mail that starts with ``prefix``."""
    match = re.search(r"https?://[^/\s]+(" + re.escape(prefix) + r"[^\s\"<]*)", mail.body)
    assert match, f"no link {prefix} in: {mail.body}"
    return match.group(1)


def detail_url(event) -> str:
    return reverse("events:detail", args=[event.slug])


def guest_form(n=1, **overrides) -> dict:
    data = {
        "name": f"Jan Gast {n}",
        "organisation_name": "Adviesbureau Voorbeeld",
        "email": f"jan{n}@voorbeeld.example",
    }
    data.update(overrides)
    return data
