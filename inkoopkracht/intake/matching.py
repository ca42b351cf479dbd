"""Reads that match applications against the register and against each other.

- ``find_organisation``: an organisation by KvK number or OIN (the only way we match: names
  are not unique, identifiers are).
- ``fingerprint``: what makes two applications "the same" (same kind, organisations and
  contact addresses), to recognise one sent twice.
- ``partner_suggestions``: candidates for a one-sided application, ranked, with the reasons.
"""

import hashlib
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.models import Partnership

from .models import Application, ApplicationParty, Side

MAX_SUGGESTIONS = 10
# Weights of the reasons a candidate is suggested (ranking only; shown as reasons, not scores).
SAME_SECTOR, SAME_REGION, SAME_PROVINCE, ALSO_LOOKING = 3, 2, 1, 1


def find_organisation(*, kvk_number: str | None, oin: str | None) -> Organisation | None:
    """The organisation in the register with this KvK number or OIN, if any."""
    query = Q(kvk_number=kvk_number) if kvk_number else Q(oin=oin) if oin else None
    return Organisation.objects.filter(query).first() if query is not None else None


def fingerprint(kind: str, parties: list[dict]) -> str:
    """A hash of the kind and, per side, the organisation's identifier and the contact's email."""
    lines = [kind] + sorted(
        f"{p['side']}|{p.get('kvk_number') or p.get('oin')}|{p['contact_email'].strip().lower()}"
        for p in parties
    )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


@dataclass
class OrganisationMatch:
    """What accepting will do with one party: use an organisation in the register, or add one."""

    side: Side
    party: ApplicationParty
    organisation: Organisation | None
    same_name: list[Organisation] = field(default_factory=list)
    problem: str = ""


def organisation_matches(applications: list[Application]) -> list[OrganisationMatch]:
    """For the accept page: per party, the organisation it will become (and any doubts)."""
    matches = []
    for application in applications:
        for party in application.sorted_parties:
            side = Side(party.side)
            found = find_organisation(kvk_number=party.kvk_number, oin=party.oin)
            match = OrganisationMatch(side=side, party=party, organisation=found)
            if found and found.kind != side.organisation_kind:
                match.problem = _(
                    "%(identifier)s hoort in het register bij ‘%(name)s’, maar dat is geen "
                    "%(side)s. Pas de aanmelding of de organisatie aan."
                ) % {"identifier": party.identifier, "name": found, "side": side.label.lower()}
            if found is None:
                match.same_name = list(
                    Organisation.objects.filter(name__iexact=party.organisation_name.strip())
                )
            matches.append(match)
    return matches


@dataclass
class Suggestion:
    """A candidate partner: an organisation in the register or another one-sided application."""

    candidate: Organisation | Application
    score: int = 0
    reasons: list[str] = field(default_factory=list)

    @property
    def is_application(self) -> bool:
        return isinstance(self.candidate, Application)

    def add(self, points: int, reason: str) -> None:
        self.score += points
        self.reasons.append(reason)


def _region_reason(suggestion: Suggestion, application: Application, region_id, province):
    if application.labour_market_region_id and region_id == application.labour_market_region_id:
        suggestion.add(
            SAME_REGION,
            _("zelfde arbeidsmarktregio (%(region)s)")
            % {"region": application.labour_market_region},
        )
    elif province and province == application.province:
        suggestion.add(
            SAME_PROVINCE,
            _("zelfde provincie (%(province)s)") % {"province": application.get_province_display()},
        )


def _organisation_suggestions(application: Application, wanted: Side) -> list[Suggestion]:
    kind = wanted.organisation_kind
    role = "buyer" if wanted == Side.BUYER else "supplier"
    in_sector = Partnership.objects.filter(work_sector=application.work_sector).exclude(
        status=Partnership.Status.STOPPED
    )
    sector_ids = set(in_sector.values_list(role, flat=True))
    nearby = Q(province=application.province)
    if application.labour_market_region_id:
        nearby |= Q(labour_market_region=application.labour_market_region_id)
    candidates = Organisation.objects.filter(kind=kind).filter(nearby | Q(pk__in=sector_ids))
    sector = application.get_work_sector_display().lower()
    suggestions = []
    for organisation in candidates.select_related("labour_market_region")[:200]:
        suggestion = Suggestion(candidate=organisation)
        if organisation.pk in sector_ids:
            suggestion.add(
                SAME_SECTOR, _("werkt al in een proeftuin in de %(sector)s") % {"sector": sector}
            )
        _region_reason(
            suggestion, application, organisation.labour_market_region_id, organisation.province
        )
        suggestions.append(suggestion)
    return suggestions


def _application_suggestions(application: Application, wanted: Side) -> list[Suggestion]:
    others = (
        Application.objects.undecided()
        .filter(kind=wanted.value)
        .exclude(pk=application.pk)
        .select_related("labour_market_region")
        .prefetch_related("parties")
    )
    suggestions = []
    for other in others[:200]:
        suggestion = Suggestion(candidate=other)
        suggestion.add(ALSO_LOOKING, _("meldde zich ook aan en zoekt een partner"))
        if other.work_sector == application.work_sector:
            suggestion.add(
                SAME_SECTOR,
                _("zelfde soort werk (%(sector)s)")
                % {"sector": other.get_work_sector_display().lower()},
            )
        _region_reason(suggestion, application, other.labour_market_region_id, other.province)
        if suggestion.score > ALSO_LOOKING:  # only looking is not reason enough
            suggestions.append(suggestion)
    return suggestions


def partner_suggestions(application: Application) -> list[Suggestion]:
    """Ranked partner candidates for a one-sided application (empty for a pair)."""
    if not application.is_one_sided:
        return []
    wanted = Side(application.kind).other
    own = {(p.kvk_number, p.oin) for p in application.parties.all()}
    suggestions = [
        s
        for s in _organisation_suggestions(application, wanted)
        + _application_suggestions(application, wanted)
        if _identifiers(s.candidate) not in own
    ]
    suggestions.sort(key=lambda s: (-s.score, str(s.candidate)))
    return suggestions[:MAX_SUGGESTIONS]


def _identifiers(candidate) -> tuple:
    if isinstance(candidate, Organisation):
        return (candidate.kvk_number, candidate.oin)
    return ()
