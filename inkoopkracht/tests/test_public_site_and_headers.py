"""The public site: a home page in Dutch, secure headers, a language switch."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_home_page_is_public_and_dutch(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Direct naar de inhoud" in html
    assert "Partnership en inkoopkracht" in html


def test_pages_send_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "unsafe-inline" not in policy


def test_no_inline_scripts_on_public_pages(client):
    html = client.get("/").content.decode() + client.get("/account/inloggen/").content.decode()
    assert "<script>" not in html
    assert "onclick=" not in html


def test_logged_in_pages_are_not_stored(client_for, buyer_member):
    response = client_for(buyer_member).get("/mijn/")
    assert "no-store" in response["Cache-Control"]


def test_language_switch_to_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/account/inloggen/"})
    assert response.status_code == 302
    page = client.get("/account/inloggen/")
    assert page["Content-Language"] == "en"
    assert '<html lang="en">' in page.content.decode()
    assert "Log in" in page.content.decode()


def test_deploy_checks_pass_with_production_settings(monkeypatch):
    """``check --deploy`` is clean once SITE_URL is https and a secret key is set."""
    import subprocess
    import sys

    env = {
        "SITE_URL": "https://inkoopkracht.example.nl",
        "SECRET_KEY": "x" * 60 + "-production-like-secret-key",
        "ALLOWED_HOSTS": "inkoopkracht.example.nl",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-m", "inkoopkracht.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env={
            **env,
            "DJANGO_SETTINGS_MODULE": "inkoopkracht.settings",
            "VAR_DIR": "/tmp/ik-deploy-check",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_health_of_openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Inkoopkracht API"


def test_static_files_are_served(client):
    call_command("findstatic", "css/site.css", verbosity=0)
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert b"--rhs-lintblauw" in b"".join(response.streaming_content)
    response.close()


def test_browser_language_does_not_switch_the_site_to_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "nl"
    assert "Direct naar de inhoud" in response.content.decode()
