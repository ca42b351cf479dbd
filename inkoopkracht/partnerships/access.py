"""Access helpers: the one safe lookup of a proeftuin for a user, and the user's side in it."""

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from inkoopkracht.organisations.models import Organisation

from .models import Partnership


class Side(models.TextChoices):
    BUYER = "buyer", _("Opdrachtgever")
    SUPPLIER = "supplier", _("Leverancier")
    PARTY = "party", _("Andere partij")
    PROGRAMME = "programme", _("Programmateam")


def get_partnership_for_user(user, pk, queryset=None) -> Partnership:
    """The proeftuin if this user may see it; 404 (never 403) otherwise."""
    queryset = queryset if queryset is not None else Partnership.objects.all()
    return get_object_or_404(queryset.visible_to(user), pk=pk)


def member_sides(user, partnership: Partnership) -> set[Side]:
    """The sides this user takes in the proeftuin: buyer, supplier and/or party."""
    if user.is_programme_staff:
        return {Side.PROGRAMME}
    own = set(Organisation.objects.of_member(user).values_list("pk", flat=True))
    sides = set()
    if partnership.buyer_id in own:
        sides.add(Side.BUYER)
    if partnership.supplier_id in own:
        sides.add(Side.SUPPLIER)
    if own & {party.organisation_id for party in partnership.parties.all()}:
        sides.add(Side.PARTY)
    return sides
