"""Who may do what with a proeftuin's monitoring (object-level rules next to ``visible_to``).

- Figures: everyone who can see the proeftuin (both sides, further parties, programme staff);
  small numbers are suppressed for anyone outside the programme team.
- Individual placements: the supplier's members manage them (online or by import) for the
  whole proeftuin; an employer's members see their own (``Placement.objects.visible_to``).
  Buyers and the programme team see figures, never rows (DESIGN.md 4).
- Reporting: the supplier submits, the buyer approves or returns.
"""

from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.access import Side, member_sides


def can_manage_placements(user, partnership) -> bool:
    """The supplier side prepares the quarter: placements, imports, submission, API tokens."""
    return user.is_authenticated and Side.SUPPLIER in member_sides(user, partnership)


def can_decide(user, partnership) -> bool:
    """The buyer side approves a submitted quarter or returns it."""
    return user.is_authenticated and Side.BUYER in member_sides(user, partnership)


def can_see_placements(user, partnership) -> bool:
    """Whether a list of (some of) the proeftuin's placements has anything for this user."""
    if not user.is_authenticated or user.is_programme_staff:
        return False
    if can_manage_placements(user, partnership):
        return True
    own = set(Organisation.objects.of_member(user).values_list("pk", flat=True))
    return partnership.placements.filter(employer__in=own).exists()


def sees_small_numbers(user) -> bool:
    """Only the programme team (team and coaches) sees counts below the threshold."""
    return user.is_authenticated and user.is_programme_staff


def parties(partnership) -> list[Organisation]:
    """The organisations that may employ (or hire) a placement: buyer, supplier, other parties."""
    organisations = [partnership.buyer, partnership.supplier]
    organisations += [party.organisation for party in partnership.parties.all()]
    return organisations


def default_hirer(partnership, employer: Organisation) -> Organisation:
    """Seconded or agency work by another party is usually done at the supplier; the supplier's
    own seconded staff usually work at the buyer."""
    return partnership.buyer if employer.pk == partnership.supplier_id else partnership.supplier
