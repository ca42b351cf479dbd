"""The letter as a Dutch PDF ready to sign; recording the signature with the signed copy,
which is stored outside the web root and only served to the proeftuin and the team."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.partnerships.documents import letter_context
from inkoopkracht.partnerships.models import LetterOfIntent
from inkoopkracht.partnerships.tests.factories import make_letter

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% ondertekend\n%%EOF\n"


def upload(content=PDF, name="getekend.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def sign(client, partnership, **overrides):
    data = {"signed_on": timezone.localdate().isoformat(), "signed_file": upload()}
    data.update(overrides)
    return client.post(reverse("partnerships:sign_letter", args=[partnership.pk]), data)


def test_the_letter_is_a_pdf_with_both_parties(client_for, supplier_member, partnership_a):
    letter = make_letter(partnership=partnership_a)
    response = client_for(supplier_member).get(
        reverse("partnerships:letter_pdf", args=[partnership_a.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="intentieverklaring-')
    assert response.content.startswith(b"%PDF-")
    context = letter_context(letter)
    assert context["buyer"] == partnership_a.buyer
    assert context["supplier"] == partnership_a.supplier
    assert [c.text for c in context["supplier_commitments"]] == [
        "Kandidaten uit de doelgroep banenafspraak werven"
    ]


def test_the_letter_is_dutch_and_reads_the_ambition_from_the_proeftuin(partnership_a, monkeypatch):
    from django.template.loader import render_to_string
    from django.utils import translation

    from inkoopkracht.partnerships import documents

    monkeypatch.setattr(documents, "render_to_pdf", render_to_string)
    letter = make_letter(partnership=partnership_a)
    partnership_a.ambition_jobs = 9
    partnership_a.save()
    letter.refresh_from_db()
    with translation.override("en"):
        html = documents.letter_pdf(letter)
    assert "Uiterlijk op 30 juni 2028 realiseren partijen samen 9 extra banen" in html
    assert "Namens " + partnership_a.buyer.name in html
    assert "Een baan is 25,5 betaalde uren per week" in html


def test_coach_records_the_signature(client_for, coach, partnership_a):
    letter = make_letter(partnership=partnership_a)
    response = sign(client_for(coach), partnership_a)
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == LetterOfIntent.Status.SIGNED
    assert letter.signed_on == timezone.localdate()
    assert letter.signed_file_type == "application/pdf"
    stored = Path(letter.signed_file.path)
    assert stored.is_relative_to(Path(settings.PRIVATE_FILES_ROOT))
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert "getekend" not in stored.name  # the user does not choose the stored name
    assert AuditRecord.objects.filter(action="letter.signed").exists()
    item = partnership_a.checklist_items.get(default_code="kickoff-intentieverklaring")
    assert item.is_done


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"signed_file": upload(b"MZ\x90\x00 not a pdf")}, "Dit bestand is geen echte PDF"),
        ({"signed_file": upload(PDF, name="getekend.docx")}, "Upload een PDF, PNG of JPEG."),
        ({"signed_file": ""}, "Upload de ondertekende intentieverklaring."),
        ({"signed_on": ""}, "Vul de datum in waarop de intentieverklaring is ondertekend."),
        (
            {"signed_on": (timezone.localdate() + timedelta(days=1)).isoformat()},
            "De datum van ondertekening ligt in de toekomst.",
        ),
    ],
)
def test_bad_signature_is_refused(client_for, coach, partnership_a, data, message):
    letter = make_letter(partnership=partnership_a)
    response = sign(client_for(coach), partnership_a, **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    letter.refresh_from_db()
    assert letter.status == LetterOfIntent.Status.DRAFT
    assert not letter.signed_file


def test_a_too_large_file_is_refused(client_for, coach, partnership_a, settings):
    settings.LETTER_MAX_UPLOAD_MB = 1
    make_letter(partnership=partnership_a)
    big = upload(PDF + b"0" * (1024 * 1024))
    response = sign(client_for(coach), partnership_a, signed_file=big)
    assert "Het bestand is groter dan 1 MB" in response.content.decode()
    assert not LetterOfIntent.objects.get().signed_file


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("buyer_member", 200), ("supplier_member", 200), ("coach", 200), ("outsider", 404)],
)
def test_only_the_proeftuin_and_the_team_download_the_signed_copy(
    request, client_for, coach, partnership_a, persona, expected
):
    make_letter(partnership=partnership_a)
    sign(client_for(coach), partnership_a)
    client = client_for(request.getfixturevalue(persona))
    response = client.get(reverse("partnerships:signed_copy", args=[partnership_a.pk]))
    assert response.status_code == expected
    if expected == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith("attachment;")
        assert AuditRecord.objects.filter(action="letter.signed_copy_read").exists()


def test_the_signed_copy_has_no_public_address(partnership_a):
    letter = make_letter(partnership=partnership_a)
    from inkoopkracht.partnerships.services import agreement

    agreement.record_signature(
        letter=letter, by=None, signed_on=timezone.localdate(), upload=upload()
    )
    with pytest.raises(ValueError, match="no URL"):
        letter.signed_file.url  # noqa: B018
