"""API: the monitoring figures of a visible proeftuin, and imports of placements.

Callers log in with a session or with a personal access token (``Authorization: Bearer
ikt_…``) that is scoped to one proeftuin: any other proeftuin is a 404 for that token. Writes
take an ``Idempotency-Key`` header: a retry with the same key gets the same answer and changes
nothing again. Figures outside the programme team suppress small numbers (null, and the name
of the figure in ``onderdrukt``).
"""

import hashlib
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.security import HttpBearer, django_auth

from inkoopkracht import audit
from inkoopkracht.lib.suppression import Suppressed, for_export
from inkoopkracht.partnerships.access import get_partnership_for_user
from inkoopkracht.partnerships.models import Partnership

from . import services
from .access import can_manage_placements, sees_small_numbers
from .figures import Regime, compute_figures, present
from .models import ApiToken, ImportJob, ImportStatus
from .periods import Period, PeriodError


class TokenAuth(HttpBearer):
    """A personal access token of one proeftuin (Mijn proeftuin › API-tokens)."""

    def authenticate(self, request, token):
        return services.use_token(token)


router = Router(tags=["monitoring"], auth=[TokenAuth(), django_auth])


def _caller(request):
    """The acting user, and the token when the call came with one."""
    if isinstance(request.auth, ApiToken):
        return request.auth.user, request.auth
    return request.auth, None


def _partnership(request, partnership_id: int) -> Partnership:
    user, token = _caller(request)
    if token is not None and token.partnership_id != partnership_id:
        raise Http404
    return get_partnership_for_user(
        user, partnership_id, Partnership.objects.select_related("supplier", "buyer")
    )


class AttributionOut(Schema):
    deel: str
    omschrijving: str
    banen_einde: Decimal | None
    banen_gemiddeld: Decimal | None


class FiguresOut(Schema):
    proeftuin: int
    periode: str
    regime: str
    bron: str
    versie: int | None
    banen_gemiddeld: Decimal | None
    banen_einde: Decimal | None
    personen: int | None
    personen_einde: int | None
    nulmeting: Decimal
    extra_banen: Decimal | None
    ambitie: Decimal | None
    voortgang_procent: Decimal | None
    nog_te_verifieren_personen: int | None
    nog_te_verifieren_banen: Decimal | None
    behoud_6_maanden_procent: Decimal | None
    behoud_12_maanden_procent: Decimal | None
    omgezet_naar_vast_procent: Decimal | None
    vaste_contracten_procent: Decimal | None
    telt_voor: list[AttributionOut]
    onderdrukt: list[str]


NAMES = {
    "banen_gemiddeld": "banen_gemiddeld",
    "banen_einde": "banen_einde",
    "personen": "personen",
    "personen_einde": "personen_einde",
    "extra_banen": "extra_banen",
    "progress": "voortgang_procent",
    "nog_te_verifieren_personen": "nog_te_verifieren_personen",
    "nog_te_verifieren_banen": "nog_te_verifieren_banen",
    "retentie_6": "behoud_6_maanden_procent",
    "retentie_12": "behoud_12_maanden_procent",
    "conversie_vast": "omgezet_naar_vast_procent",
    "aandeel_vast": "vaste_contracten_procent",
}


def _period(code: str | None) -> Period:
    if not code:
        return Period.last_completed_quarter(timezone.localdate())
    try:
        return Period.parse(code)
    except PeriodError as error:
        raise HttpError(400, str(error)) from error


@router.get(
    "/proeftuinen/{partnership_id}/cijfers",
    response=FiguresOut,
    summary="Monitoringcijfers van een proeftuin",
    description=(
        "Banen (25,5 uur per week), personen, extra banen, voortgang, behoud en vaste contracten "
        "voor een kwartaal (`2026-Q3`) of jaar (`2026`); standaard het laatste afgesloten "
        "kwartaal. Een goedgekeurd kwartaal geeft de vastgezette cijfers (`bron`)."
    ),
)
def figures(request, partnership_id: int, periode: str | None = None, regime: Regime | None = None):
    partnership = _partnership(request, partnership_id)
    user, _token = _caller(request)
    period = _period(periode)
    queryset = Partnership.objects.filter(pk=partnership.pk)
    row = compute_figures(queryset, period, regime).rows[0]
    shown = present(row, suppress=not sees_small_numbers(user))
    result = {api: for_export(shown[key]) for key, api in NAMES.items()}
    hidden = [api for key, api in NAMES.items() if isinstance(shown[key], Suppressed)]
    parts = []
    for part in shown["attribution"]:
        parts.append({
            "deel": part["key"],
            "omschrijving": str(part["label"]),
            "banen_einde": for_export(part["banen_einde"]),
            "banen_gemiddeld": for_export(part["banen_gemiddeld"]),
        })  # fmt: skip
        hidden += [
            f"telt_voor.{part['key']}.{k}"
            for k in ("banen_einde", "banen_gemiddeld")
            if isinstance(part[k], Suppressed)
        ]
    return {
        **result,
        "proeftuin": partnership.pk,
        "periode": str(period),
        "regime": row.regime,
        "bron": row.source,
        "versie": row.revision,
        "nulmeting": shown["baseline"],
        "ambitie": shown["ambition"],
        "telt_voor": parts,
        "onderdrukt": hidden,
    }


class RowErrorOut(Schema):
    row: int
    column: str
    message: str


class ChangeOut(Schema):
    kind: str
    row: int
    reference: str
    details: list[str]


class ImportOut(Schema):
    id: int
    status: str
    status_omschrijving: str
    bestandsnaam: str
    rijen: int
    voortgang_procent: int
    bestandsfout: str
    aantal_fouten: int
    fouten: list[RowErrorOut]
    aantallen: dict[str, int]
    wijzigingen: list[ChangeOut]
    verwerkt_op: date | None


def _job_out(job: ImportJob) -> dict:
    report = job.report or {}
    return {
        "id": job.pk,
        "status": job.status,
        "status_omschrijving": job.get_status_display(),
        "bestandsnaam": job.filename,
        "rijen": report.get("rows", job.rows_done),
        "voortgang_procent": 100 if not job.is_busy else job.progress_percent,
        "bestandsfout": report.get("file_error", ""),
        "aantal_fouten": report.get("error_count", 0),
        "fouten": report.get("errors", []),
        "aantallen": report.get("counts", {}),
        "wijzigingen": report.get("changes", []),
        "verwerkt_op": job.applied_at.date() if job.applied_at else None,
    }


def _managed(request, partnership_id: int):
    partnership = _partnership(request, partnership_id)
    user, _token = _caller(request)
    if not can_manage_placements(user, partnership):
        raise Http404
    return partnership, user


def _idempotent(request, user, fingerprint: str, action):
    """Run ``action`` once per Idempotency-Key; a retry gets the stored answer."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if not key:
        return action()
    request_hash = hashlib.sha256(f"{request.path}\n{fingerprint}".encode()).hexdigest()
    try:
        stored = services.recall_response(user=user, key=key, request_hash=request_hash)
    except services.MonitoringError as error:
        raise HttpError(409, str(error)) from error
    if stored is not None:
        return Status(stored.status_code, stored.response)
    answer = action()
    services.remember_response(
        user=user,
        key=key,
        request_hash=request_hash,
        status_code=answer.status_code,
        response=answer.value,
    )
    return answer


def _json(data: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data.items()}


@router.post(
    "/proeftuinen/{partnership_id}/importen",
    response={201: ImportOut, 202: ImportOut},
    summary="Importbestand aanleveren en controleren",
    description=(
        "CSV of XLSX volgens het sjabloon. Het bestand wordt gecontroleerd; er wordt nog niets "
        "opgeslagen. Grote bestanden worden op de achtergrond gecontroleerd (202): vraag de "
        "status op tot die `gecontroleerd` of `afgekeurd` is. Bevestig daarna met `/bevestigen`."
    ),
)
def upload(request, partnership_id: int, file: UploadedFile = File(...)):  # noqa: B008 (ninja's way to declare a file)
    partnership, user = _managed(request, partnership_id)
    if file.size > settings.IMPORT_MAX_BYTES:
        raise HttpError(
            413,
            str(_("Het bestand is te groot; de grens is %(max)s MB."))
            % {"max": settings.IMPORT_MAX_BYTES // 1024 // 1024},
        )
    data = file.read()

    def action():
        try:
            job = services.receive_import(
                partnership=partnership, by=user, filename=file.name, data=data
            )
        except services.MonitoringError as error:
            raise HttpError(400, str(error)) from error
        return Status(202 if job.is_busy else 201, _json(_job_out(job)))

    return _idempotent(request, user, hashlib.sha256(data).hexdigest(), action)


def _job(partnership, job_id: int) -> ImportJob:
    job = ImportJob.objects.filter(partnership=partnership, pk=job_id).defer("content").first()
    if job is None:
        raise Http404
    return job


@router.get(
    "/proeftuinen/{partnership_id}/importen/{job_id}",
    response=ImportOut,
    summary="Status en verslag van een import",
)
def import_status(request, partnership_id: int, job_id: int):
    partnership, user = _managed(request, partnership_id)
    job = _job(partnership, job_id)
    if job.report.get("changes"):
        audit.record_read(
            actor=user,
            action="import.report_viewed",
            target=job,
            purpose="API: controleverslag van een import",
        )
    return _job_out(job)


@router.post(
    "/proeftuinen/{partnership_id}/importen/{job_id}/bevestigen",
    response={200: ImportOut, 202: ImportOut},
    summary="Gecontroleerde import verwerken",
    description="Verwerkt het hele bestand in één transactie, of niets. Grote bestanden op de achtergrond (202).",
)
def confirm(request, partnership_id: int, job_id: int):
    partnership, user = _managed(request, partnership_id)
    job = ImportJob.objects.select_related("partnership__supplier").get(
        pk=_job(partnership, job_id).pk
    )

    def action():
        try:
            done = services.apply_import(job=job, by=user)
        except services.MonitoringError as error:
            raise HttpError(400, str(error)) from error
        return Status(200 if done.status == ImportStatus.APPLIED else 202, _json(_job_out(done)))

    return _idempotent(request, user, str(job.pk), action)
