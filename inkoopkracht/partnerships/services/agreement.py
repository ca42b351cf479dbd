"""The letter of intent: save it (ambition on the proeftuin, commitments of both sides), record
the signature with the signed copy, and follow up each commitment.

The ambition has one home: ``Partnership.ambition_jobs`` and ``ambition_date``. ``save_letter``
writes it there; the letter and its PDF read it from the proeftuin.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inkoopkracht import audit
from inkoopkracht.partnerships.files import validate_signed_copy
from inkoopkracht.partnerships.models import Commitment, LetterOfIntent, Partnership, Side

from . import plan
from .core import PartnershipError, _today, _user, require_editor

MISSING_COMMITMENT = {
    Side.BUYER: gettext_lazy(
        "Leg ten minste één toezegging van de opdrachtgever vast: de proeftuin is een afspraak "
        "van twee kanten."
    ),
    Side.SUPPLIER: gettext_lazy(
        "Leg ten minste één toezegging van de leverancier vast: de proeftuin is een afspraak "
        "van twee kanten."
    ),
}


def _check_contact(errors, field, contact, organisation, label) -> None:
    if contact is None:
        errors[field] = _("Kies een contactpersoon van %(organisation)s.") % {
            "organisation": organisation
        }
    elif contact.organisation_id != organisation.pk:
        errors[field] = _("%(label)s moet een contactpersoon van %(organisation)s zijn.") % {
            "label": label,
            "organisation": organisation,
        }


def _letter_errors(partnership, *, ambition_jobs, ambition_date, review_on, contacts, commitments):
    errors = {}
    if ambition_jobs is None:
        errors["ambition_jobs"] = _(
            "Vul de gedeelde ambitie in: hoeveel extra banen de proeftuin wil realiseren."
        )
    elif ambition_jobs <= Decimal("0"):
        errors["ambition_jobs"] = _("De ambitie is meer dan nul banen.")
    if ambition_date is None:
        errors["ambition_date"] = _("Vul in wanneer de ambitie gehaald moet zijn.")
    if review_on is None:
        errors["review_on"] = _("Vul een evaluatiedatum in.")
    elif ambition_date and review_on > ambition_date:
        errors["review_on"] = _(
            "Evalueer vóór de ambitiedatum, zodat er nog tijd is om bij te sturen."
        )
    for field, contact in contacts.items():
        side, role = field.split("_")
        organisation = partnership.buyer if side == Side.BUYER else partnership.supplier
        label = _("De ondertekenaar") if role == "signatory" else _("De contactpersoon")
        _check_contact(errors, field, contact, organisation, label)
    for side in (Side.BUYER, Side.SUPPLIER):
        if not commitments[side]:
            errors[f"{side}_commitments"] = str(MISSING_COMMITMENT[side])
    return errors


def _sync_commitments(letter: LetterOfIntent, side: str, wanted: list[tuple[str, str]]) -> None:
    """Make the side's commitments match ``wanted`` ((code, text) pairs) and keep their order."""
    existing = list(letter.commitments.filter(side=side))
    keep = set()
    for position, (code, text) in enumerate(wanted, start=1):
        match = next(
            (
                c
                for c in existing
                if c.pk not in keep and c.code == code and (code or c.text == text)
            ),
            None,
        )
        if match is None:
            match = Commitment(letter=letter, side=side, code=code)
        match.text, match.position = text, position
        match.full_clean(exclude=["letter"])
        match.save()
        keep.add(match.pk)
    letter.commitments.filter(side=side).exclude(pk__in=keep).delete()


def _unique(pairs) -> list[tuple[str, str]]:
    seen, result = set(), []
    for code, text in pairs:
        text = " ".join((text or "").split())
        if text and (code, text) not in seen:
            seen.add((code, text))
            result.append((code, text))
    return result


def _set_ambition(partnership: Partnership, jobs: Decimal, on: date) -> dict:
    before = {
        "ambition_jobs": partnership.ambition_jobs,
        "ambition_date": partnership.ambition_date,
    }
    partnership.ambition_jobs, partnership.ambition_date = jobs, on
    partnership.full_clean()
    partnership.save(update_fields=["ambition_jobs", "ambition_date", "updated_at"])
    return before


def _write_letter(letter, *, contacts, review_on, roles, commitments) -> LetterOfIntent:
    for field, contact in contacts.items():
        setattr(letter, field, contact)
    letter.review_on, letter.roles = review_on, roles.strip()
    letter.full_clean()
    letter.save()
    for side, wanted in commitments.items():
        _sync_commitments(letter, side, wanted)
    return letter


@transaction.atomic
def save_letter(
    *,
    partnership: Partnership,
    by,
    ambition_jobs: Decimal | None,
    ambition_date: date | None,
    review_on: date | None,
    buyer_signatory,
    supplier_signatory,
    buyer_contact,
    supplier_contact,
    buyer_commitments: list[tuple[str, str]],
    supplier_commitments: list[tuple[str, str]],
    roles: str = "",
) -> LetterOfIntent:
    """Create or change the draft letter: the ambition (on the proeftuin), commitments of both
    sides (``(code, text)`` pairs; code empty for an own commitment), contacts and review date."""
    require_editor(partnership, by)
    letter = LetterOfIntent.objects.filter(partnership=partnership).first()
    if letter is not None and letter.is_signed:
        raise PartnershipError(_("De intentieverklaring is ondertekend en kan niet meer wijzigen."))
    commitments = {
        Side.BUYER: _unique(buyer_commitments),
        Side.SUPPLIER: _unique(supplier_commitments),
    }
    contacts = {
        "buyer_signatory": buyer_signatory,
        "supplier_signatory": supplier_signatory,
        "buyer_contact": buyer_contact,
        "supplier_contact": supplier_contact,
    }
    errors = _letter_errors(
        partnership,
        ambition_jobs=ambition_jobs,
        ambition_date=ambition_date,
        review_on=review_on,
        contacts=contacts,
        commitments=commitments,
    )
    if errors:
        raise ValidationError(errors)
    before = _set_ambition(partnership, ambition_jobs, ambition_date)
    creating = letter is None
    letter = _write_letter(
        letter or LetterOfIntent(partnership=partnership),
        contacts=contacts,
        review_on=review_on,
        roles=roles,
        commitments=commitments,
    )
    audit.record(
        actor=by,
        action="letter.created" if creating else "letter.changed",
        target=letter,
        data={
            "ambition_before": before,
            "ambition": {"ambition_jobs": ambition_jobs, "ambition_date": ambition_date},
            "commitments": {side: len(items) for side, items in commitments.items()},
        },
    )
    for code in ("kickoff-rollen", "kickoff-toezeggingen"):
        plan.check_default_item(partnership=partnership, code=code, by=by)
    return letter


@transaction.atomic
def record_signature(
    *, letter: LetterOfIntent, by, signed_on: date | None, upload
) -> LetterOfIntent:
    """Record that both sides signed: the date and the signed copy (PDF, PNG or JPEG)."""
    partnership = letter.partnership
    require_editor(partnership, by)
    errors = {}
    if signed_on is None:
        errors["signed_on"] = _("Vul de datum in waarop de intentieverklaring is ondertekend.")
    elif signed_on > _today():
        errors["signed_on"] = _("De datum van ondertekening ligt in de toekomst.")
    content_type = ""
    if upload is None:
        errors["signed_file"] = _("Upload de ondertekende intentieverklaring.")
    else:
        try:
            content_type = validate_signed_copy(upload)
        except ValidationError as error:
            errors["signed_file"] = error.messages
    if errors:
        raise ValidationError(errors)
    replaced = letter.signed_file.name if letter.signed_file else ""
    letter.signed_file.save(upload.name, upload, save=False)
    letter.status, letter.signed_on = LetterOfIntent.Status.SIGNED, signed_on
    letter.signed_file_type, letter.signed_recorded_by = content_type, _user(by)
    letter.save()
    if replaced:
        storage = letter.signed_file.storage
        transaction.on_commit(lambda: storage.delete(replaced))
    audit.record(
        actor=by,
        action="letter.signed_copy_replaced" if replaced else "letter.signed",
        target=letter,
        data={
            "signed_on": signed_on,
            "ambition_jobs": partnership.ambition_jobs,
            "ambition_date": partnership.ambition_date,
            "file_type": content_type,
        },
    )
    plan.check_default_item(
        partnership=partnership, code="kickoff-intentieverklaring", by=by, on=signed_on
    )
    return letter


@transaction.atomic
def update_commitment(*, commitment: Commitment, by, status: str, note: str = "") -> Commitment:
    """Follow up a commitment: how it stands (afgesproken, loopt, nagekomen, niet nagekomen)."""
    require_editor(commitment.letter.partnership, by)
    if status not in Commitment.Status.values:
        raise ValidationError({"status": _("Kies een geldige stand van zaken.")})
    before = commitment.status
    if status != before:
        commitment.status_changed_on = _today()
    commitment.status, commitment.status_note = status, note.strip()
    commitment.save(update_fields=["status", "status_note", "status_changed_on", "updated_at"])
    audit.record(
        actor=by,
        action="commitment.updated",
        target=commitment.letter,
        data={"commitment": commitment.text, "from": before, "to": status},
    )
    return commitment
