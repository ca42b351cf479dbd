"""Every change to organisations and contacts."""

from django.db import transaction
from django.utils.translation import gettext as _

from inkoopkracht import audit
from inkoopkracht.accounts import services as accounts

from .models import Contact, Organisation


class OrganisationError(Exception):
    """A change that cannot be made; the message is for the user (Dutch)."""


@transaction.atomic
def create_organisation(*, by, contacts: list[dict] = (), **fields) -> Organisation:
    """Create an organisation (validated like the back-office form) with its contacts."""
    organisation = Organisation(**fields)
    organisation.full_clean()
    organisation.save()
    audit.record(actor=by, action="organisation.created", target=organisation)
    for contact_fields in contacts:
        add_contact(organisation=organisation, by=by, **contact_fields)
    return organisation


@transaction.atomic
def update_organisation(*, organisation: Organisation, by, **fields) -> Organisation:
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save()
    audit.record(
        actor=by,
        action="organisation.changed",
        target=organisation,
        data={"fields": sorted(fields)},
    )
    return organisation


@transaction.atomic
def add_contact(*, organisation: Organisation, by, **fields) -> Contact:
    contact = Contact(organisation=organisation, **fields)
    contact.full_clean()
    contact.save()
    audit.record(actor=by, action="contact.created", target=contact)
    return contact


@transaction.atomic
def grant_portal_access(*, contact: Contact, by, send_invitation: bool = True) -> Contact:
    """Give a contact an account for Mijn proeftuin and email a one-time invitation link."""
    if contact.user_id and contact.user.has_usable_password():
        raise OrganisationError(_("%(name)s heeft al een account.") % {"name": contact.name})
    first_name, _sep, last_name = contact.name.partition(" ")
    user = contact.user or accounts.get_or_create_member(
        email=contact.email, first_name=first_name, last_name=last_name, by=by
    )
    if contact.user_id != user.pk:
        contact.user = user
        contact.save(update_fields=["user", "updated_at"])
    audit.record(actor=by, action="contact.access_granted", target=contact)
    if send_invitation:
        accounts.invite(user=user, by=by, context={"organisation": contact.organisation.name})
    return contact


@transaction.atomic
def revoke_portal_access(*, contact: Contact, by) -> Contact:
    """Unlink the account; an account without any remaining contact is deactivated."""
    user = contact.user
    if user is None:
        raise OrganisationError(_("%(name)s heeft geen account.") % {"name": contact.name})
    contact.user = None
    contact.save(update_fields=["user", "updated_at"])
    if not user.is_programme_staff and not user.contacts.exists():
        accounts.deactivate(user=user, by=by)
    audit.record(actor=by, action="contact.access_revoked", target=contact)
    return contact
