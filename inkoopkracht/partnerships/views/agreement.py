"""The letter-of-intent tab: the letter, its form, the PDF, the signature and the commitments."""

import mimetypes
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inkoopkracht import audit
from inkoopkracht.partnerships.access import get_partnership_for_user
from inkoopkracht.partnerships.documents import letter_filename, letter_pdf
from inkoopkracht.partnerships.forms.agreement import CommitmentForm, LetterForm, SignatureForm
from inkoopkracht.partnerships.models import Commitment, LetterOfIntent, Partnership, Side
from inkoopkracht.partnerships.services import NotAllowed, PartnershipError
from inkoopkracht.partnerships.services import agreement as services

from .common import editable_partnership, page_context, refusals_as_403, show_service_errors

LETTER_RELATED = (
    "buyer_signatory",
    "supplier_signatory",
    "buyer_contact",
    "supplier_contact",
    "signed_recorded_by",
)


def _letter_of(partnership) -> LetterOfIntent | None:
    return (
        LetterOfIntent.objects.filter(partnership=partnership)
        .select_related(*LETTER_RELATED)
        .first()
    )


def _letter_url(partnership) -> str:
    return reverse("partnerships:letter", args=[partnership.pk])


@login_required
def letter(request, pk):
    partnership = get_partnership_for_user(request.user, pk, Partnership.objects.with_overview())
    letter = _letter_of(partnership)
    commitments = list(letter.commitments.prefetch_related("actions")) if letter is not None else []
    context = page_context(
        request,
        partnership,
        "letter",
        letter=letter,
        sides=[
            (Side.BUYER.label, partnership.buyer, [c for c in commitments if c.side == Side.BUYER]),
            (
                Side.SUPPLIER.label,
                partnership.supplier,
                [c for c in commitments if c.side == Side.SUPPLIER],
            ),
        ],
    )
    return render(request, "partnerships/agreement/letter.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@refusals_as_403
def edit_letter(request, pk):
    partnership = editable_partnership(request, pk, Partnership.objects.with_overview())
    letter = _letter_of(partnership)
    if letter is not None and letter.is_signed:
        messages.info(request, _("De intentieverklaring is ondertekend en kan niet meer wijzigen."))
        return redirect(_letter_url(partnership))
    initial = LetterForm.initial_for(partnership, letter)
    form = LetterForm(request.POST or None, initial=initial, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_letter(
                partnership=partnership, by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            show_service_errors(form, error, LetterForm.service_fields)
        except NotAllowed:
            raise  # shown as a 403 by refusals_as_403
        except PartnershipError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("De intentieverklaring is opgeslagen."))
            return redirect(_letter_url(partnership))
    context = page_context(request, partnership, "letter", form=form, letter=letter)
    return render(request, "partnerships/agreement/letter_form.html", context)


@login_required
def letter_as_pdf(request, pk):
    partnership = get_partnership_for_user(request.user, pk, Partnership.objects.with_overview())
    letter = _letter_of(partnership)
    if letter is None:
        raise Http404(_("Er is nog geen intentieverklaring."))
    response = HttpResponse(letter_pdf(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letter_filename(letter)}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
@refusals_as_403
def sign_letter(request, pk):
    partnership = editable_partnership(request, pk, Partnership.objects.with_overview())
    letter = _letter_of(partnership)
    if letter is None:
        messages.info(request, _("Vul eerst de intentieverklaring in."))
        return redirect("partnerships:edit_letter", pk=partnership.pk)
    form = SignatureForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_signature(
                letter=letter,
                by=request.user,
                signed_on=form.cleaned_data["signed_on"],
                upload=form.cleaned_data["signed_file"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("De ondertekening is vastgelegd."))
            return redirect(_letter_url(partnership))
    context = page_context(request, partnership, "letter", form=form, letter=letter)
    return render(request, "partnerships/agreement/sign_form.html", context)


@login_required
def signed_copy(request, pk):
    """The signed copy, for members of the proeftuin and the programme team only."""
    partnership = get_partnership_for_user(request.user, pk)
    letter = _letter_of(partnership)
    if letter is None or not letter.signed_file:
        raise Http404(_("Er is geen ondertekende versie."))
    try:
        handle = letter.signed_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404(_("Er is geen ondertekende versie.")) from missing
    audit.record_read(
        actor=request.user,
        action="letter.signed_copy_read",
        target=letter,
        purpose="inzage ondertekende intentieverklaring",
    )
    suffix = PurePath(letter.signed_file.name).suffix
    content_type = letter.signed_file_type or mimetypes.guess_type(letter.signed_file.name)[0]
    return FileResponse(
        handle,
        as_attachment=True,
        filename=letter_filename(letter, suffix=suffix, signed=True),
        content_type=content_type or "application/octet-stream",
    )


@login_required
@require_http_methods(["GET", "POST"])
@refusals_as_403
def edit_commitment(request, pk, commitment_pk):
    partnership = editable_partnership(request, pk)
    commitment = get_object_or_404(
        Commitment.objects.filter(letter__partnership=partnership), pk=commitment_pk
    )
    initial = {"status": commitment.status, "note": commitment.status_note}
    form = CommitmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_commitment(
                commitment=commitment,
                by=request.user,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("De toezegging is bijgewerkt."))
            return redirect(f"{_letter_url(partnership)}#toezegging-{commitment.pk}")
    context = page_context(request, partnership, "letter", form=form, commitment=commitment)
    return render(request, "partnerships/agreement/commitment_form.html", context)
