"""Forms of this app, split by topic (the back-office form of a proeftuin lives in ``admin``)."""

from .admin import PartnershipAdminForm

__all__ = ["PartnershipAdminForm"]
