"""Every change in the intake: one transaction, an audit record, a Dutch error, mail after commit.

- public submissions: ``submit_application``, ``submit_information_request``,
  ``submit_guide_order`` (rate-limited per client address; the same application twice is
  recognised), ``register_blocked_submission`` (honeypot);
- the pipeline: ``change_status``, ``assign_owner``, ``add_note``, ``save_application_form``;
- decisions: ``accept_application`` (accept = start a proeftuin, see below) and
  ``reject_application``;
- requests: ``mark_answered``, ``mark_guide_orders_sent``;
- retention: ``purge_personal_data`` (run by the periodic task ``intake.purge_personal_data``).
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from inkoopkracht import audit
from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.organisations import services as organisations
from inkoopkracht.organisations.models import Contact, Organisation
from inkoopkracht.partnerships import services as partnerships
from inkoopkracht.partnerships.models import Contract, Partnership

from . import retention
from .exceptions import DuplicateApplication, IntakeError, TooManySubmissions
from .matching import find_organisation, fingerprint
from .models import (
    Application,
    ApplicationNote,
    ApplicationParty,
    GuideOrder,
    InformationRequest,
    Side,
    SubmissionAttempt,
)
from .spam import count_attempt

PUBLIC = "publiek formulier"  # the actor of public submissions in the audit log
Status = Application.Status
BLOCKED_ACTIONS = {
    SubmissionAttempt.Scope.APPLICATION: "application.blocked",
    SubmissionAttempt.Scope.REQUEST: "request.blocked",
}


def _enqueue(task, **kwargs) -> None:
    transaction.on_commit(lambda: task.enqueue(**kwargs))


# --- Public submissions ------------------------------------------------------------------------


@transaction.atomic
def register_blocked_submission(*, scope: str, client_address: str | None) -> None:
    """A filled-in honeypot: nothing is stored but the attempt (it counts for the limit)."""
    try:
        count_attempt(scope, client_address, timezone.now())
    except TooManySubmissions:
        return  # already over the limit: not even an audit record, so bots cannot flood it
    audit.record(
        actor=PUBLIC,
        action=BLOCKED_ACTIONS[scope],
        result=AuditRecord.Result.DENIED,
        data={"reason": "honeypot"},
    )


@transaction.atomic
def submit_application(
    *,
    kind: str,
    parties: list[dict],
    client_address: str | None,
    submitted_at=None,
    **fields,
) -> Application:
    """Store a public application; the applicants get a confirmation, the team a notice."""
    from .tasks import send_application_received

    now = submitted_at or timezone.now()
    print_ = fingerprint(kind, parties)
    since = now - timedelta(days=settings.INTAKE_DUPLICATE_WINDOW_DAYS)
    earlier = Application.objects.recent_duplicate(print_, since)
    if earlier is not None:
        raise DuplicateApplication(
            _(
                "Deze aanmelding hebben wij al ontvangen op %(date)s (nummer %(reference)s). "
                "U hoeft niets opnieuw te sturen: wij nemen contact met u op."
            )
            % {
                "date": date_format(timezone.localtime(earlier.submitted_at), "j F Y"),
                "reference": earlier.reference,
            }
        )
    count_attempt(SubmissionAttempt.Scope.APPLICATION, client_address, now)
    application = Application(
        kind=kind,
        fingerprint=print_,
        consent_at=now,
        submitted_at=now,
        status_changed_at=now,
        **fields,
    )
    application.full_clean(exclude=["fingerprint"])
    application.save()
    for party in parties:
        row = ApplicationParty(application=application, **party)
        row.full_clean()
        row.save()
    audit.record(actor=PUBLIC, action="application.submitted", target=application)
    _enqueue(send_application_received, application_id=application.pk)
    return application


def _submit_request(model, *, kind: str, client_address, submitted_at, fields: dict):
    from .tasks import send_request_received

    now = submitted_at or timezone.now()
    count_attempt(SubmissionAttempt.Scope.REQUEST, client_address, now)
    request = model(submitted_at=now, **fields)
    request.full_clean()
    request.save()
    action = "information_request" if model is InformationRequest else "guide_order"
    audit.record(actor=PUBLIC, action=f"{action}.submitted", target=request)
    _enqueue(send_request_received, kind=kind, request_id=request.pk)
    return request


@transaction.atomic
def submit_information_request(
    *, client_address: str | None, submitted_at=None, **fields
) -> InformationRequest:
    """A question from the public; the asker gets a confirmation."""
    return _submit_request(
        InformationRequest, kind="information", client_address=client_address,
        submitted_at=submitted_at, fields=fields,
    )  # fmt: skip


@transaction.atomic
def submit_guide_order(*, client_address: str | None, submitted_at=None, **fields) -> GuideOrder:
    """An order for printed copies of the guide; the orderer gets a confirmation."""
    return _submit_request(
        GuideOrder, kind="guide", client_address=client_address, submitted_at=submitted_at,
        fields=fields,
    )  # fmt: skip


# --- The pipeline ------------------------------------------------------------------------------


def _check_open(application: Application) -> None:
    if application.is_decided:
        raise IntakeError(
            _("Over deze aanmelding is al besloten (%(status)s); er kan niets meer veranderen.")
            % {"status": application.get_status_display().lower()}
        )


def _set_status(application: Application, status: str, now) -> None:
    application.status = status
    application.status_changed_at = now


@transaction.atomic
def change_status(
    *,
    application: Application,
    status: str,
    by,
    intake_on: date | None = None,
    note: str = "",
    at: datetime | None = None,
) -> Application:
    """Move an application along: nieuw, in contact, intakegesprek gepland or on hold.

    Accepting and rejecting have services of their own (they start a proeftuin or send a
    decision). Planning the intake needs its date; putting an application on hold, a reason.
    """
    _lock(application)
    _check_open(application)
    if status in Application.DECIDED_STATUSES or status not in Status.values:
        raise IntakeError(
            _("Accepteren en afwijzen gaan met de knoppen ‘Accepteren’ en ‘Afwijzen’.")
        )
    if status == Status.INTAKE_PLANNED and not intake_on:
        raise IntakeError(_("Vul de datum van het intakegesprek in."))
    if status == Status.ON_HOLD and not note.strip():
        raise IntakeError(_("Schrijf in de notitie waarom de aanmelding on hold gaat."))
    rescheduled = status == application.status == Status.INTAKE_PLANNED
    if status == application.status and not (rescheduled and intake_on != application.intake_on):
        raise IntakeError(_("De aanmelding heeft deze status al."))
    before = application.status
    if not rescheduled:
        _set_status(application, status, at or timezone.now())
    if status == Status.INTAKE_PLANNED:
        application.intake_on = intake_on
    application.save(update_fields=["status", "status_changed_at", "intake_on"])
    if note.strip():
        ApplicationNote.objects.create(
            application=application,
            text=note.strip(),
            by=_user(by),
            created_at=at or timezone.now(),
        )
    audit.record(
        actor=by,
        action="application.status_changed",
        target=application,
        data={"from": before, "to": status, "intake_on": intake_on, "note": bool(note.strip())},
    )
    return application


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


@transaction.atomic
def assign_owner(*, application: Application, owner, by) -> Application:
    """Make a member of the programme team or a coach the owner (None: nobody)."""
    if owner is not None and not owner.is_programme_staff:
        raise IntakeError(_("Alleen het programmateam en begeleiders kunnen behandelaar zijn."))
    application.owner = owner
    application.save(update_fields=["owner"])
    audit.record(
        actor=by,
        action="application.owner_assigned",
        target=application,
        data={"owner": owner.email if owner else None},
    )
    return application


@transaction.atomic
def add_note(*, application: Application, text: str, by) -> ApplicationNote:
    if not text.strip():
        raise IntakeError(_("Een lege notitie bewaren we niet."))
    note = ApplicationNote(application=application, text=text.strip(), by=_user(by))
    note.full_clean()
    note.save()
    audit.record(actor=by, action="application.note_added", target=application)
    return note


@transaction.atomic
def save_application_form(*, form, by) -> Application:
    """The team corrects what the applicant typed (e.g. a KvK number) in the back office."""
    _check_open(_lock(Application.objects.get(pk=form.instance.pk)))
    application = audit.save_model_form(form=form, by=by, action="application")
    parties = application.parties.values("side", "kvk_number", "oin", "contact_email")
    application.fingerprint = fingerprint(application.kind, list(parties))
    application.save(update_fields=["fingerprint"])
    return application


# --- Decisions: accept = start, reject ---------------------------------------------------------


def _lock(application: Application) -> Application:
    """Lock the row until the transaction ends and bring ``application`` up to date with it.

    Two team members deciding at the same moment: the second one sees the first decision.
    """
    Application.objects.select_for_update().filter(pk=application.pk).values_list("pk").first()
    application.refresh_from_db()
    return application


def _check_partner(application, partner, partner_organisation) -> Side | None:
    """The side the partner fills, after checking that the combination makes one proeftuin."""
    if not application.is_one_sided:
        if partner or partner_organisation:
            raise IntakeError(_("Deze aanmelding heeft al een opdrachtgever en een leverancier."))
        return None
    wanted = Side(application.kind).other
    if (partner is None) == (partner_organisation is None):
        raise IntakeError(
            _(
                "Deze aanmelding komt van één kant. Kies eerst een partner: een andere "
                "aanmelding of een organisatie uit het register."
            )
        )
    if partner is not None:
        _check_open(partner)
        if partner.pk == application.pk or partner.kind != wanted.value:
            raise IntakeError(
                _("Kies als partner een aanmelding van een %(side)s die een partner zoekt.")
                % {"side": wanted.label.lower()}
            )
    elif partner_organisation.kind != wanted.organisation_kind:
        raise IntakeError(
            _("Kies als partner een organisatie van het soort %(kind)s.")
            % {"kind": Organisation.Kind(wanted.organisation_kind).label}
        )
    return wanted


def _organisation_for(party: ApplicationParty, application: Application, by) -> Organisation:
    """The organisation in the register with the party's KvK number or OIN, else a new one."""
    side = Side(party.side)
    found = find_organisation(kvk_number=party.kvk_number, oin=party.oin)
    if found is not None:
        if found.kind != side.organisation_kind:
            raise IntakeError(
                _(
                    "%(identifier)s hoort in het register bij ‘%(name)s’, maar dat is geen "
                    "%(side)s. Pas de aanmelding of de organisatie aan."
                )
                % {"identifier": party.identifier, "name": found, "side": side.label.lower()}
            )
        return found
    buyer = side == Side.BUYER
    return organisations.create_organisation(
        by=by,
        name=party.organisation_name,
        kind=side.organisation_kind,
        sector=Organisation.Sector.OVERHEID if buyer else Organisation.Sector.MARKT,
        subsector=party.subsector if buyer else "",
        kvk_number=party.kvk_number,
        oin=party.oin,
        province=application.province,
        labour_market_region=application.labour_market_region,
    )


def _onboard_contact(party: ApplicationParty, organisation: Organisation, by) -> Contact:
    """The applicant becomes a contact of the organisation and gets access to Mijn proeftuin.

    New accounts get a one-time invitation link (sent after commit); someone who can already
    log in keeps their password and is only linked.
    """
    contact = organisation.contacts.filter(email__iexact=party.contact_email).first()
    if contact is None:
        contact = organisations.add_contact(
            organisation=organisation,
            by=by,
            name=party.contact_name,
            job_title=party.contact_job_title,
            email=party.contact_email,
            phone=party.contact_phone,
            is_primary=not organisation.contacts.exists(),
        )
    if not (contact.user_id and contact.user.has_usable_password()):
        account = get_user_model().objects.filter(email__iexact=contact.email).first()
        can_log_in = account is not None and account.has_usable_password()
        organisations.grant_portal_access(contact=contact, by=by, send_invitation=not can_log_in)
    party.organisation, party.contact = organisation, contact
    party.save(update_fields=["organisation", "contact"])
    return contact


def _contract_for(buyer, supplier, contract: dict | None, by) -> list[Contract]:
    if not contract:
        return []
    existing = Contract.objects.filter(buyer=buyer, reference=contract["reference"]).first()
    if existing is not None and existing.supplier_id == supplier.pk:
        return [existing]
    return [partnerships.create_contract(by=by, buyer=buyer, supplier=supplier, **contract)]


@transaction.atomic
def accept_application(
    *,
    application: Application,
    by,
    cohort,
    coach,
    message: str,
    partner: Application | None = None,
    partner_organisation: Organisation | None = None,
    contract: dict | None = None,
    on: date | None = None,
    at: datetime | None = None,
) -> Partnership:
    """Accept = start: turn an application into a running proeftuin, in one transaction.

    1. Match each party to the register by KvK number or OIN (never a second organisation for
       the same number); add the ones that are new.
    2. For a one-sided application, the partner is another one-sided application (the two are
       joined into one proeftuin) or an organisation from the register.
    3. Create the contract (when given) and the proeftuin: active, at step 1, with its coach.
    4. Make the contacts members; new accounts get a one-time invitation link after commit.
    5. Mark the application(s) accepted and send the team's (edited) message after commit.
    """
    application = _lock(application)
    partner = _lock(partner) if partner is not None else None
    _check_open(application)
    wanted = _check_partner(application, partner, partner_organisation)
    if not coach.is_programme_staff:
        raise IntakeError(_("Alleen het programmateam en begeleiders kunnen begeleider zijn."))
    applications = [application] + ([partner] if partner else [])
    on = on or timezone.localdate()
    found = {  # side -> (party, organisation in the register)
        party.side: (party, _organisation_for(party, app, by))
        for app in applications
        for party in app.parties.all()
    }
    orgs = {side: organisation for side, (_party, organisation) in found.items()}
    if partner_organisation is not None:
        orgs[wanted] = partner_organisation
    buyer, supplier = orgs[Side.BUYER], orgs[Side.SUPPLIER]
    partnership = partnerships.create_partnership(
        by=by,
        buyer=buyer,
        supplier=supplier,
        cohort=cohort,
        route=application.route,
        work_sector=application.work_sector,
        contracts=_contract_for(buyer, supplier, contract, by),
        coaches=[coach],
        status=Partnership.Status.ACTIVE,
        on=on,
        applied_on=timezone.localdate(application.submitted_at),
        summary=application.work_description,
        ambition_jobs=application.ambition_jobs,
        ambition_date=application.ambition_date,
    )
    for party, organisation in found.values():
        _onboard_contact(party, organisation, by)
    for app in applications:
        _mark_accepted(app, applications, partnership, orgs, by=by, on=on, at=at, message=message)
    return partnership


def _mark_accepted(app, applications, partnership, orgs, *, by, on, at, message) -> None:
    """The application is accepted: linked to its proeftuin (and partner), recorded, answered."""
    from .tasks import send_decision

    _set_status(app, Status.ACCEPTED, at or timezone.now())
    app.decided_on, app.partnership = on, partnership
    app.joined_with = next((other for other in applications if other is not app), None)
    app.save(update_fields=["status", "status_changed_at", "decided_on", "partnership",
                            "joined_with"])  # fmt: skip
    audit.record(
        actor=by,
        action="application.accepted",
        target=app,
        data={
            "partnership": partnership.pk,
            "cohort": partnership.cohort.number,
            "joined_with": app.joined_with.reference if app.joined_with else None,
            "organisations": {str(side): org.pk for side, org in orgs.items()},
        },
    )
    _enqueue(send_decision, application_id=app.pk, decision=Status.ACCEPTED, message=message)


@transaction.atomic
def reject_application(
    *,
    application: Application,
    by,
    reason: str,
    message: str,
    on: date | None = None,
    at: datetime | None = None,
) -> Application:
    """Decline an application; the applicants get the team's (edited) message after commit."""
    from .tasks import send_decision

    application = _lock(application)
    _check_open(application)
    if not reason.strip():
        raise IntakeError(_("Leg vast waarom de aanmelding wordt afgewezen."))
    if not message.strip():
        raise IntakeError(_("Het bericht aan de aanmelders is leeg."))
    now = at or timezone.now()
    _set_status(application, Status.REJECTED, now)
    application.decided_on = on or timezone.localdate(now)
    application.decision_reason = reason.strip()
    application.save(update_fields=["status", "status_changed_at", "decided_on", "decision_reason"])
    audit.record(actor=by, action="application.rejected", target=application)
    _enqueue(
        send_decision, application_id=application.pk, decision=Status.REJECTED, message=message
    )
    return application


# --- Requests ----------------------------------------------------------------------------------


@transaction.atomic
def mark_answered(
    *, request: InformationRequest, by, at: datetime | None = None
) -> InformationRequest:
    if request.status == InformationRequest.Status.ANSWERED:
        raise IntakeError(_("Dit verzoek is al beantwoord."))
    request.status = InformationRequest.Status.ANSWERED
    request.answered_at, request.answered_by = at or timezone.now(), _user(by)
    request.save(update_fields=["status", "answered_at", "answered_by"])
    audit.record(actor=by, action="information_request.answered", target=request)
    return request


@transaction.atomic
def mark_guide_orders_sent(*, orders, by, on: date | None = None) -> int:
    """Mark orders as posted today (or ``on``); the addresses are purged 90 days later."""
    ids = [order.pk for order in orders]
    orders = list(GuideOrder.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    if not orders:
        raise IntakeError(_("Kies de bestellingen die verstuurd zijn."))
    if any(order.status == GuideOrder.Status.SENT for order in orders):
        raise IntakeError(_("Een of meer van deze bestellingen zijn al verstuurd."))
    on = on or timezone.localdate()
    for order in orders:
        order.status, order.sent_on, order.sent_by = GuideOrder.Status.SENT, on, _user(by)
        order.save(update_fields=["status", "sent_on", "sent_by"])
        audit.record(actor=by, action="guide_order.sent", target=order, data={"on": on})
    return len(orders)


# --- Retention ---------------------------------------------------------------------------------


def _delete(queryset) -> list[int]:
    ids = list(queryset.values_list("pk", flat=True))
    queryset.model.objects.filter(pk__in=ids).delete()
    return ids


def _wipe_contacts(applications, now) -> list[int]:
    ids = list(applications.values_list("pk", flat=True))
    blank = {"contact_name": "", "contact_job_title": "", "contact_email": "", "contact_phone": ""}
    ApplicationParty.objects.filter(application__in=ids).update(**blank)
    Application.objects.filter(pk__in=ids).update(contacts_purged_at=now)
    return ids


def _wipe_addresses(orders, now) -> list[int]:
    ids = list(orders.values_list("pk", flat=True))
    blank = {"name": "", "email": "", "street": "", "postal_code": "", "city": ""}
    GuideOrder.objects.filter(pk__in=ids).update(**blank, address_purged_at=now)
    return ids


@transaction.atomic
def purge_personal_data(*, now=None) -> dict[str, int]:
    """Delete or wipe what is past its retention period (data/retention_intake.csv)."""
    now = now or timezone.now()
    today = timezone.localdate(now)

    def due(key):  # the last day whose data must go under rule ``key``
        return today - retention.period(key)

    done = {
        "application_rejected": _delete(
            Application.objects.filter(
                status=Status.REJECTED, decided_on__lte=due("application_rejected")
            )
        ),
        "application_on_hold": _delete(
            Application.objects.filter(
                status=Status.ON_HOLD, status_changed_at__date__lte=due("application_on_hold")
            )
        ),
        "application_accepted_contacts": _wipe_contacts(
            Application.objects.filter(
                status=Status.ACCEPTED,
                decided_on__lte=due("application_accepted_contacts"),
                contacts_purged_at__isnull=True,
            ),
            now,
        ),
        "information_request": _delete(
            InformationRequest.objects.filter(
                status=InformationRequest.Status.ANSWERED,
                answered_at__date__lte=due("information_request"),
            )
        ),
        "guide_order_address": _wipe_addresses(
            GuideOrder.objects.filter(
                status=GuideOrder.Status.SENT,
                sent_on__lte=due("guide_order_address"),
                address_purged_at__isnull=True,
            ),
            now,
        ),
    }
    window = timedelta(minutes=settings.INTAKE_RATE_LIMIT_WINDOW_MINUTES)
    keep_attempts = max(retention.period("submission_attempt"), window)
    SubmissionAttempt.objects.filter(created_at__lte=now - keep_attempts).delete()
    counts = {key: len(ids) for key, ids in done.items()}
    if any(counts.values()):
        audit.record(actor=None, action="intake.personal_data_purged", data=done)
    return counts
