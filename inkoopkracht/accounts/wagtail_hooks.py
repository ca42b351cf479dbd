"""Back office: a button on the user list to reset someone's two-factor (team only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import ListingButton

from .admin_views import reset_two_factor


@hooks.register("register_admin_urls")
def urls():
    return [
        path(
            "gebruikers/<int:pk>/tweestapsverificatie/",
            reset_two_factor,
            name="accounts_reset_two_factor",
        )
    ]


@hooks.register("register_user_listing_buttons")
def user_listing_buttons(user, request_user):
    if request_user.is_team:
        yield ListingButton(
            _("Tweestapsverificatie wissen"),
            reverse("accounts_reset_two_factor", args=[user.pk]),
            priority=50,
            icon_name="key",
        )
