"""Demo intake: applications in every status, one pair accepted into cohort 2, requests to fulfil.

Fictional throughout (demo_data/applications.csv and requests.csv). Everything goes through the
services, as the public forms and the back office would; an application is looked up by its
fingerprint and a request by its organisation or email, so loading twice changes nothing.
"""

import re
from datetime import datetime, time, timedelta

from django.utils import timezone

from inkoopkracht.accounts.models import User
from inkoopkracht.lib.demo import DemoContext, read_demo_csv
from inkoopkracht.organisations.validators import normalise_identifier
from inkoopkracht.partnerships.models import Cohort

from . import services
from .admin_forms import default_message
from .forms import split_identifier
from .matching import fingerprint
from .models import Application, GuideOrder, InformationRequest, Side

Status = Application.Status
STAFF = {
    "nadia": "nadia.elamrani@inkoopkracht.example",
    "sanne": "sanne.bakker@inkoopkracht.example",
}
REJECTION = (
    "Beste aanmelder,\n\nDank u wel voor uw aanmelding. Een proeftuin is een samenwerking tussen "
    "een overheidsopdrachtgever en een leverancier binnen één contract; zonder zo'n contract "
    "kunnen wij u helaas geen plek bieden.\n\nMet vriendelijke groet,\nHet programmateam"
)


def _at(ctx: DemoContext, days_ago: int) -> datetime:
    day = ctx.today - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(10, 30)))


def _email(name: str, organisation: str) -> str:
    domain = re.sub(r"[^a-z]", "", organisation.lower().split()[-1])
    return f"{name.lower().replace(' ', '.')}@{domain}.example"


def _parties(row: dict) -> list[dict]:
    parties = []
    for side, prefix in ((Side.BUYER, "buyer"), (Side.SUPPLIER, "supplier")):
        if not row[f"{prefix}_name"]:
            continue
        kvk, oin = split_identifier(normalise_identifier(row[f"{prefix}_identifier"]))
        contact = row[f"{prefix}_contact"]
        parties.append(
            {
                "side": side,
                "organisation_name": row[f"{prefix}_name"],
                "kvk_number": kvk,
                "oin": oin,
                "subsector": row[f"{prefix}_subsector"] if side == Side.BUYER else "",
                "contact_name": contact,
                "contact_job_title": "Inkoopadviseur" if side == Side.BUYER else "Regiomanager",
                "contact_email": _email(contact, row[f"{prefix}_name"]),
                "contact_phone": "",
            }
        )
    return parties


def _submit(ctx: DemoContext, row: dict) -> Application | None:
    parties = _parties(row)
    if Application.objects.filter(fingerprint=fingerprint(row["kind"], parties)).exists():
        return None
    return services.submit_application(
        kind=row["kind"],
        parties=parties,
        client_address=f"demo-{row['key']}",
        submitted_at=_at(ctx, int(row["submitted_days_ago"])),
        route=row["route"],
        work_sector=row["work_sector"],
        work_description=row["work_description"],
        value_range=row["value_range"],
        province=row["province"],
        labour_market_region_id=row["region"] or None,
        ambition_jobs=row["ambition_jobs"] or None,
        ambition_date=ctx.today + timedelta(days=3 * 365) if row["ambition_jobs"] else None,
        ambition=row["ambition"],
        motivation=row["motivation"],
    )


def _advance(ctx: DemoContext, application: Application, row: dict) -> None:
    """Walk the application through the pipeline to its status in the demo table."""
    status, at = row["status"], _at(ctx, int(row["status_days_ago"]))
    owner = User.objects.get(email=STAFF[row["owner"]]) if row["owner"] else None
    if owner:
        services.assign_owner(application=application, owner=owner, by=owner)
    if status in (Status.IN_CONTACT, Status.INTAKE_PLANNED):
        services.change_status(
            application=application, status=Status.IN_CONTACT, by=owner, note=row["note"], at=at
        )
    if status == Status.INTAKE_PLANNED:
        services.change_status(
            application=application,
            status=status,
            by=owner,
            intake_on=ctx.today + timedelta(days=6),
            at=at,
        )
    elif status == Status.ON_HOLD:
        services.change_status(
            application=application, status=status, by=owner, note=row["note"], at=at
        )
    elif status == Status.REJECTED:
        services.reject_application(
            application=application,
            by=owner,
            reason="Geen contract met een overheidsopdrachtgever in zicht.",
            message=REJECTION,
            at=at,
        )
    elif status == Status.ACCEPTED:
        _accept(ctx, application, row, owner, at)


def _accept(ctx, application, row, owner, at) -> None:
    """The pair that starts in cohort 2; its supplier is matched to the register by KvK."""
    services.add_note(application=application, text=row["note"], by=owner)
    services.accept_application(
        application=application,
        by=User.objects.get(email=STAFF["nadia"]),
        cohort=Cohort.objects.get(number=2),
        coach=owner,
        message=default_message(application, Status.ACCEPTED),
        contract={
            "title": "Facilitaire dienstverlening stadskantoor",
            "reference": "RTM-2025-0417",
            "starts_on": ctx.today.replace(year=ctx.today.year - 1, month=1, day=1),
            "ends_on": ctx.today.replace(year=ctx.today.year + 4, month=12, day=31),
            "value_eur": 2_400_000,
        },
        on=timezone.localdate(at),
        at=at,
    )


def _load_requests(ctx: DemoContext) -> None:
    nadia = User.objects.get(email=STAFF["nadia"])
    for row in read_demo_csv(__file__, "requests.csv"):
        submitted_at = _at(ctx, int(row["days_ago"]))
        address = f"demo-{row['key']}"
        if row["kind"] == "information":
            if InformationRequest.objects.filter(email=row["email"]).exists():
                continue
            request = services.submit_information_request(
                client_address=address, submitted_at=submitted_at, name=row["name"],
                organisation=row["organisation"], email=row["email"], phone="",
                topic=row["topic_or_copies"], question=row["text"],
            )  # fmt: skip
            if row["status"] == InformationRequest.Status.ANSWERED:
                at = _at(ctx, int(row["done_days_ago"]))
                services.mark_answered(request=request, by=nadia, at=at)
            continue
        if GuideOrder.objects.filter(organisation=row["organisation"]).exists():
            continue
        order = services.submit_guide_order(
            client_address=address, submitted_at=submitted_at, name=row["name"],
            organisation=row["organisation"], email=row["email"],
            copies=int(row["topic_or_copies"]), street=row["street"],
            postal_code=row["postal_code"], city=row["city"],
        )  # fmt: skip
        if row["status"] == GuideOrder.Status.SENT:
            on = ctx.today - timedelta(days=int(row["done_days_ago"]))
            services.mark_guide_orders_sent(orders=[order], by=nadia, on=on)


def load(ctx: DemoContext) -> None:
    for row in read_demo_csv(__file__, "applications.csv"):
        application = _submit(ctx, row)
        if application is not None:
            _advance(ctx, application, row)
    _load_requests(ctx)
    ctx.urls.append(("Aanmelden", "/aanmelden/"))
    ctx.urls.append(("Aanmeldingen", "/beheer/aanmeldingen/"))
