"""Access helpers: the one safe lookup of a proeftuin for a user, the user's side in it, and
who may change what (coaches their own proeftuinen, the team all, members their own actions)."""

from django.shortcuts import get_object_or_404

from inkoopkracht.organisations.models import Organisation

from .models import Partnership, Side


def get_partnership_for_user(user, pk, queryset=None) -> Partnership:
    """The proeftuin if this user may see it; 404 (never 403) otherwise."""
    queryset = queryset if queryset is not None else Partnership.objects.all()
    return get_object_or_404(queryset.visible_to(user), pk=pk)


def _own_organisation_ids(user) -> set[int]:
    return set(Organisation.objects.of_member(user).values_list("pk", flat=True))


def member_sides(user, partnership: Partnership, own_ids: set[int] | None = None) -> set[Side]:
    """The sides this user takes in the proeftuin: buyer, supplier and/or party."""
    if user.is_programme_staff:
        return {Side.PROGRAMME}
    own = own_ids if own_ids is not None else _own_organisation_ids(user)
    sides = set()
    if partnership.buyer_id in own:
        sides.add(Side.BUYER)
    if partnership.supplier_id in own:
        sides.add(Side.SUPPLIER)
    if own & {party.organisation_id for party in partnership.parties.all()}:
        sides.add(Side.PARTY)
    return sides


def can_edit(user, partnership: Partnership) -> bool:
    """The team edits every proeftuin, a coach the proeftuinen they coach, members none."""
    if not getattr(user, "is_authenticated", False) or not user.is_programme_staff:
        return False
    return Partnership.objects.editable_by(user).filter(pk=partnership.pk).exists()


class ActionRules:
    """Who may tick off which action of one proeftuin: computed once, asked per action.

    Staff who may edit the proeftuin may change every action; a member only the actions of
    their own side (and, for a further party, of their own organisation).
    """

    def __init__(self, user, partnership: Partnership):
        self.is_member = getattr(user, "is_authenticated", False) and not user.is_programme_staff
        self.can_edit = can_edit(user, partnership)
        self.own_ids = _own_organisation_ids(user) if self.is_member else set()
        self.sides = member_sides(user, partnership, self.own_ids) if self.is_member else set()

    def can_complete(self, action) -> bool:
        if self.can_edit:
            return True
        if not self.is_member or action.owner_side not in self.sides:
            return False
        if action.owner_side == Side.PARTY:
            party = action.owner_party
            return party is not None and party.organisation_id in self.own_ids
        return action.owner_side in (Side.BUYER, Side.SUPPLIER)
