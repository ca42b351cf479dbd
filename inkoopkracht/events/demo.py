"""Demo events: past ones with attendance and minutes, upcoming ones (one full, with a waiting
list), a cohort kick-off and a draft. Fictional throughout (demo_data/*.csv).

Registrations are made as they would have been, at a moment before each event (``at=``), and
without mail (``services.quiet()``). The demo members' proeftuin (Zandhoven and Helderwerk)
takes part in everything; two proeftuinen stay away, so the team's participation overview
has something to flag.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from inkoopkracht.lib.demo import DemoContext, read_demo_csv
from inkoopkracht.organisations.demo import by_key
from inkoopkracht.organisations.models import Contact
from inkoopkracht.partnerships.models import Cohort, Partnership, Step

from . import services
from .models import Event, Registration, Speaker

KEEN = ("zandhoven", "helderwerk")
QUIET = {("oosterwaarde", "glans"), ("zuiderveld", "waakzaam")}
GUESTS = [
    ("Anna de Wit", "Gemeente Buitenstad (demo)"),
    ("Karim El Idrissi", "Adviesbureau Inclusief (demo)"),
    ("Sophie Lammers", "Stichting Werkkracht (demo)"),
]
WAITING_LIST_EVENT = "workshop-werk-analyseren"


def _pair(partnership: Partnership) -> tuple[str, str]:
    return (partnership.buyer.name, partnership.supplier.name)


def _partnership(buyer: str, supplier: str) -> Partnership:
    return Partnership.objects.get(buyer=by_key(buyer), supplier=by_key(supplier))


def _load_speakers() -> dict[str, Speaker]:
    speakers = {}
    for row in read_demo_csv(__file__, "speakers.csv"):
        speaker = Speaker.objects.filter(name=row["name"]).first()
        if speaker is None:
            speaker = services.create_speaker(
                by=None,
                name=row["name"],
                job_title=row["job_title"],
                organisation=by_key(row["organisation"]) if row["organisation"] else None,
                organisation_name=row["organisation_name"],
                partnership=_partnership(row["buyer"], row["supplier"]) if row["buyer"] else None,
                bio=row["bio"],
            )
        speakers[speaker.name] = speaker
    return speakers


def _create_event(ctx: DemoContext, row: dict, speakers: dict) -> Event:
    day = ctx.today + timedelta(days=int(row["day"]))
    hour, minute = (int(part) for part in row["start"].split(":"))
    starts_at = timezone.make_aware(datetime.combine(day, time(hour, minute)))
    return services.create_event(
        by=None,
        slug=row["slug"],
        kind=row["kind"],
        title=row["title"],
        summary=row["summary"],
        description=row["description"],
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=float(Decimal(row["hours"]))),
        location=row["location"],
        online_url=row["online"],
        capacity=int(row["capacity"]),
        audience=row["audience"],
        cohort=Cohort.objects.get(number=int(row["cohort"])) if row["cohort"] else None,
        topic_step=Step.objects.get(number=int(row["step"])) if row["step"] else None,
        topic_sector=row["sector"],
        status=row["status"],
        minutes=row["minutes"],
        speakers=[speakers[name] for name in row["speakers"].split("|") if name],
    )


def _people(organisation) -> list[Contact]:
    """The contacts of an organisation; the demo members (with an account) first."""
    contacts = list(organisation.contacts.order_by("pk"))
    return sorted(contacts, key=lambda contact: contact.user_id is None)


def _register_side(event, partnership, organisation, used: set, **kwargs):
    for contact in _people(organisation):
        if contact.email in used:
            continue
        used.add(contact.email)
        return services.register_member(
            event=event,
            partnership=partnership,
            organisation=organisation,
            name=contact.name,
            email=contact.email,
            user=contact.user,
            by=None,
            **kwargs,
        )
    return None


def _register_partnership(event, partnership, sides: str, used: set, **kwargs) -> list:
    organisations = {
        "both": [partnership.buyer, partnership.supplier],
        "buyer": [partnership.buyer],
        "supplier": [partnership.supplier],
    }[sides]
    registered = [_register_side(event, partnership, org, used, **kwargs) for org in organisations]
    return [registration for registration in registered if registration]


def _candidates(event: Event) -> list[Partnership]:
    partnerships = Partnership.objects.select_related("buyer", "supplier").order_by("pk")
    if event.audience == Event.Audience.COHORT:
        return list(partnerships.filter(cohort=event.cohort).exclude(status="aangemeld"))
    return list(partnerships.filter(cohort__number=1, status=Partnership.Status.ACTIVE))


def _keen_first(partnerships: list[Partnership], rng, count: int) -> list[Partnership]:
    keen = [p for p in partnerships if (p.buyer, p.supplier) == tuple(map(by_key, KEEN))]
    quiet = {(by_key(b).pk, by_key(s).pk) for b, s in QUIET}
    others = [p for p in partnerships if p not in keen and (p.buyer_id, p.supplier_id) not in quiet]
    return keen + rng.sample(others, min(count, len(others)))


def _past(ctx: DemoContext, event: Event, row: dict, rng) -> None:
    """Registrations ten days before, attendance at the door, minutes the day after."""
    at = event.starts_at - timedelta(days=10)
    used: set[str] = set()
    guests = GUESTS[:2] if event.audience == Event.Audience.PUBLIC else []
    count = max(1, min(6, (event.capacity - len(guests)) // 2 - 1))
    registrations = []
    for partnership in _keen_first(_candidates(event), rng, count):
        sides = "both" if partnership.buyer.name.startswith("Gemeente Zandhoven") else None
        sides = sides or rng.choice(["both", "both", "buyer", "supplier"])
        registrations += _register_partnership(event, partnership, sides, used, at=at)
    if row["slug"] == "intervisie-schoonmaak":  # one proeftuin where only the buyer comes
        registrations += _register_partnership(
            event, _partnership("zuiderveld", "waakzaam"), "buyer", used, at=at
        )
    for name, organisation in guests:
        registrations.append(_guest(event, name, organisation, at=at))
    rate = int(row["rate"] or 100)
    for registration in registrations:
        attended = registration.user_id is not None or rng.randrange(100) < rate
        services.record_attendance(
            registration=registration,
            attendance=Registration.Attendance.ATTENDED
            if attended
            else Registration.Attendance.NO_SHOW,
            by=None,
            at=event.starts_at,
        )
    if row["slug"] == "workshop-jobcarving":
        services.add_material(
            event=event,
            title="Werkblad jobcarving",
            file=ContentFile(
                "Werkblad jobcarving (demo)\n\n1. Welke taken blijven nu liggen?\n"
                "2. Welke taken vragen geen vakopleiding?\n3. Welke taken passen samen in een baan?\n",
                name="werkblad-jobcarving.txt",
            ),
            by=None,
        )
    if event.minutes:
        services.send_follow_up(event=event, by=None, at=event.ends_at + timedelta(days=1))


def _guest(event: Event, name: str, organisation: str, **kwargs) -> Registration:
    email = name.lower().replace(" ", ".") + "@gast.example"
    return services.register_guest(
        event=event, name=name, email=email, organisation_name=organisation, by=None, **kwargs
    )


def _upcoming(ctx: DemoContext, event: Event, rng) -> None:
    """Registrations from last week; the small workshop fills up and gets a waiting list."""
    at = min(timezone.now(), event.starts_at - timedelta(days=2)) - timedelta(days=5)
    used: set[str] = set()
    if event.slug == WAITING_LIST_EVENT:
        keen = _partnership(*KEEN)
        _register_partnership(event, keen, "buyer", used, at=at)  # Femke Dekker
        ruben = _people(keen.supplier)[0].email
        used.add(ruben)  # he comes later, to the waiting list
        for partnership in _keen_first(_candidates(event), rng, 8)[1:]:
            if event.registrations.holding_place().count() >= event.capacity:
                break
            _register_partnership(event, partnership, "supplier", used, at=at)
        # Full: Ruben Jansen (for Zilverveen) is first on the waiting list, then two more.
        used.discard(ruben)
        _register_partnership(
            event, _partnership("zilverveen", "helderwerk"), "supplier", used,
            at=at + timedelta(hours=1), accept_waiting_list=True,
        )  # fmt: skip
        for partnership in _candidates(event)[-2:]:
            _register_partnership(
                event, partnership, "buyer", used,
                at=at + timedelta(hours=2), accept_waiting_list=True,
            )  # fmt: skip
        return
    count = 3 if event.audience != Event.Audience.PUBLIC else 5
    for partnership in _keen_first(_candidates(event), rng, count)[1:]:
        _register_partnership(event, partnership, rng.choice(["both", "buyer"]), used, at=at)
    if event.slug == "ervaringsdeskundigen-plaatsen":
        _register_partnership(event, _partnership(*KEEN), "supplier", used, at=at)  # Ruben
        _guest(event, *GUESTS[2], at=at)


def load(ctx: DemoContext) -> None:
    rng = ctx.rng("events")
    with services.quiet():
        speakers = _load_speakers()
        for row in read_demo_csv(__file__, "events.csv"):
            if Event.objects.filter(slug=row["slug"]).exists():
                continue
            event = _create_event(ctx, row, speakers)
            if event.status != Event.Status.PUBLISHED:
                continue
            if int(row["day"]) < 0:
                _past(ctx, event, row, rng)
            else:
                _upcoming(ctx, event, rng)
    ctx.urls.append(("Bijeenkomsten", "/bijeenkomsten/"))
