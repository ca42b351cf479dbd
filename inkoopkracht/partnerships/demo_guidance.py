"""Demo guidance: checklists ticked along each proeftuin's history, letters of intent (signed
or draft), coaching sessions, actions (some overdue) and the bottlenecks register.

Called from ``demo.load`` after the proeftuinen exist. Deterministic (tables in demo_data/,
dates relative to the demo's today or to the proeftuin's own kick-off) and idempotent: every
object is looked up by a natural key first. One proeftuin of cohort 2 (Scholengroep Hogelanden
and Glans, step 2) is left without a kick-off, so a coach can walk the flow in the app.
"""

import unicodedata
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from inkoopkracht.accounts.models import User
from inkoopkracht.accounts.roles import GROUP_NAMES, Role
from inkoopkracht.lib.demo import DemoContext, read_demo_csv
from inkoopkracht.organisations.demo import by_key

from .models import (
    ActionItem,
    Bottleneck,
    Commitment,
    LetterOfIntent,
    Partnership,
    Side,
    Step,
    StepChange,
    StepState,
    plan_of,
)
from .reference import standard_commitments
from .services import agreement, bottlenecks, coaching, plan
from .services.coaching import Owner


def _partnership(row) -> Partnership:
    return Partnership.objects.get(
        buyer=by_key(row["buyer"]), supplier=by_key(row["supplier"]), cohort__number=row["cohort"]
    )


def _coach(partnership) -> User:
    return partnership.coaches.order_by("email").first()


def _kickoff(partnership, ctx) -> date:
    change = StepChange.objects.filter(partnership=partnership, step=2).order_by("on").first()
    return change.on if change else (partnership.started_on or ctx.today)


def _when(text: str, partnership, ctx) -> date:
    """``kickoff``, ``kickoff+70``, ``today-40`` or an ISO date."""
    for base_name, base in (("kickoff", None), ("today", ctx.today)):
        if text.startswith(base_name):
            base = base or _kickoff(partnership, ctx)
            offset = text[len(base_name) :]
            return base + timedelta(days=int(offset)) if offset else base
    return date.fromisoformat(text)


def _contacts(organisation):
    """(signatory, contact person): the primary contact signs; a member with an account, if
    any, is the contact person."""
    contacts = list(organisation.contacts.order_by("-is_primary", "pk"))
    signatory = contacts[0]
    with_account = [c for c in contacts if c.user_id]
    return signatory, (with_account or contacts[1:] or contacts)[0]


def _signed_copy(title: str) -> bytes:
    """A small, valid one-page PDF standing in for the scanned, signed letter."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore")
    plain = plain.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = (
        b"BT /F1 16 Tf 72 760 Td (Intentieverklaring " + plain + b") Tj "
        b"0 -28 Td /F1 11 Tf (Ondertekend door beide partijen - demonstratiebestand) Tj ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _commitments(spec: str, own: str, side: str) -> tuple[list, dict]:
    """(code, text) pairs and the wanted status per code from ``code:status|code``."""
    texts = {row.code: row.text for row in standard_commitments() if row.side == side}
    pairs, statuses = [], {}
    for part in filter(None, spec.split("|")):
        code, _sep, status = part.partition(":")
        pairs.append((code, texts[code]))
        statuses[code] = status or Commitment.Status.AGREED
    if own:
        pairs.append(("", own))
    return pairs, statuses


def _load_letter(row, ctx) -> None:
    partnership = _partnership(row)
    if LetterOfIntent.objects.filter(partnership=partnership).exists():
        return
    coach, kickoff = _coach(partnership), _kickoff(partnership, ctx)
    buyer_pairs, buyer_status = _commitments(row["buyer_commitments"], row["buyer_own"], "buyer")
    supplier_pairs, supplier_status = _commitments(
        row["supplier_commitments"], row["supplier_own"], "supplier"
    )
    buyer_sign, buyer_contact = _contacts(partnership.buyer)
    supplier_sign, supplier_contact = _contacts(partnership.supplier)
    letter = agreement.save_letter(
        partnership=partnership,
        by=coach,
        ambition_jobs=partnership.ambition_jobs,
        ambition_date=partnership.ambition_date,
        review_on=min(kickoff + timedelta(days=365), partnership.ambition_date),
        buyer_signatory=buyer_sign,
        supplier_signatory=supplier_sign,
        buyer_contact=buyer_contact,
        supplier_contact=supplier_contact,
        buyer_commitments=buyer_pairs,
        supplier_commitments=supplier_pairs,
        roles=row["roles"],
    )
    if row["state"] != "signed":
        return
    step3 = StepChange.objects.filter(partnership=partnership, step=3).order_by("on").first()
    signed_on = min(ctx.today, (step3.on - timedelta(days=7)) if step3 else kickoff)
    upload = SimpleUploadedFile(
        "ondertekend.pdf", _signed_copy(str(partnership)), "application/pdf"
    )
    agreement.record_signature(
        letter=letter, by=coach, signed_on=max(kickoff, signed_on), upload=upload
    )
    wanted = {**buyer_status, **supplier_status}
    for commitment in letter.commitments.exclude(code=""):
        if wanted.get(commitment.code, Commitment.Status.AGREED) != commitment.status:
            agreement.update_commitment(
                commitment=commitment, by=coach, status=wanted[commitment.code]
            )


def _load_session(row, ctx) -> None:
    partnership = _partnership(row)
    held_on = _when(row["when"], partnership, ctx)
    if partnership.coaching_sessions.filter(kind=row["kind"], held_on=held_on).exists():
        return
    attendees = [_contacts(partnership.buyer)[1], _contacts(partnership.supplier)[1]]
    coach = _coach(partnership)
    coaching.record_session(
        partnership=partnership,
        by=coach,
        held_on=held_on,
        kind=row["kind"],
        attendees=attendees,
        coaches=[coach],
        agreements=row["agreements"],
        notes=row["notes"],
    )


def _load_action(row, ctx) -> None:
    partnership = _partnership(row)
    if partnership.actions.filter(description=row["description"]).exists():
        return
    coach = _coach(partnership)
    party = partnership.parties.order_by("pk").first() if row["owner"] == Side.PARTY else None
    session = (
        partnership.coaching_sessions.filter(kind=row["session"]).order_by("-held_on").first()
        if row["session"]
        else None
    )
    action = coaching.create_action(
        partnership=partnership,
        by=coach,
        description=row["description"],
        owner=Owner(side=row["owner"], party=party),
        due_on=_when(row["due"], partnership, ctx),
        session=session,
    )
    if row["status"] == ActionItem.Status.DONE:
        coaching.complete_action(action=action, by=coach)


def _load_bottleneck(row, ctx) -> None:
    if Bottleneck.objects.filter(title=row["title"]).exists():
        return
    keys = [part.split(":") for part in row["partnerships"].split("|") if part]
    affected = [
        Partnership.objects.get(buyer=by_key(buyer), supplier=by_key(supplier))
        for buyer, supplier in keys
    ]
    team = User.objects.filter(groups__name=GROUP_NAMES[Role.TEAM]).order_by("email").first()
    fields = {
        "title": row["title"],
        "category": row["category"],
        "description": row["description"],
        "partnerships": affected,
        "step": Step.objects.get(number=int(row["step"])) if row["step"] else None,
    }
    reported_on = _when(row["reported"], affected[0], ctx)
    bottleneck = bottlenecks.report_bottleneck(by=team, reported_on=reported_on, **fields)
    if row["status"] != Bottleneck.Status.OPEN:
        bottlenecks.change_bottleneck(
            bottleneck=bottleneck,
            by=team,
            status=row["status"],
            resolution=row["resolution"],
            **fields,
        )


def _tick_checklists(ctx: DemoContext) -> None:
    """Tick off the points of every finished step (on the day it finished), and half of the
    current step's points from step 3 on."""
    for partnership in Partnership.objects.filter(cohort__number__in=[1, 2]).order_by("pk"):
        coach = _coach(partnership)
        for plan_step in plan_of(partnership):
            if plan_step.state == StepState.DONE:
                points, on = plan_step.items, plan_step.completed_on or ctx.today
            elif plan_step.state == StepState.IN_PROGRESS and plan_step.step.number >= 3:
                points = plan_step.items[: len(plan_step.items) // 2]
                on = plan_step.started_on or ctx.today
            else:
                continue
            for item in points:
                if not item.is_done:
                    plan.check_item(item=item, done=True, by=coach, on=min(on, ctx.today))


def load(ctx: DemoContext) -> None:
    for row in read_demo_csv(__file__, "guidance_sessions.csv"):
        _load_session(row, ctx)
    for row in read_demo_csv(__file__, "guidance_letters.csv"):
        _load_letter(row, ctx)
    for row in read_demo_csv(__file__, "guidance_actions.csv"):
        _load_action(row, ctx)
    for row in read_demo_csv(__file__, "bottlenecks.csv"):
        _load_bottleneck(row, ctx)
    _tick_checklists(ctx)
