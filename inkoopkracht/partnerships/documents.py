"""The letter of intent as a Dutch PDF, ready to sign (WeasyPrint through lib.pdf)."""

from django.utils import timezone, translation
from django.utils.text import slugify

from inkoopkracht.lib.constants import constant
from inkoopkracht.lib.pdf import render_to_pdf

from .models import CoachingSession, LetterOfIntent, Side


def letter_context(letter: LetterOfIntent) -> dict:
    """Everything the letter shows; the ambition is read from the proeftuin itself."""
    partnership = letter.partnership
    commitments = list(letter.commitments.all())
    kickoff = (
        CoachingSession.objects.filter(partnership=partnership, kind=CoachingSession.Kind.KICKOFF)
        .for_members()
        .order_by("held_on")
        .first()
    )
    return {
        "letter": letter,
        "partnership": partnership,
        "buyer": partnership.buyer,
        "supplier": partnership.supplier,
        "parties": list(partnership.parties.select_related("organisation")),
        "contracts": list(partnership.contracts.all()),
        "coaches": list(partnership.coaches.all()),
        "buyer_commitments": [c for c in commitments if c.side == Side.BUYER],
        "supplier_commitments": [c for c in commitments if c.side == Side.SUPPLIER],
        "hours_per_job": constant("hours_per_job_per_week"),
        "kickoff": kickoff,
        "printed_on": timezone.localdate(),
    }


def letter_filename(letter: LetterOfIntent, suffix: str = ".pdf", signed: bool = False) -> str:
    name = slugify(str(letter.partnership))[:80] or "proeftuin"
    return f"intentieverklaring-{name}{'-ondertekend' if signed else ''}{suffix}"


def letter_pdf(letter: LetterOfIntent) -> bytes:
    """The letter as PDF, always in Dutch (the language of the agreement)."""
    with translation.override("nl"):
        return render_to_pdf("partnerships/agreement/letter_pdf.html", letter_context(letter))
