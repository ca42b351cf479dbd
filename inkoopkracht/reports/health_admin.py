"""The health overview in the back office: a menu item for the team and coaches."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return getattr(request.user, "is_programme_staff", False)


@hooks.register("register_admin_menu_item")
def register_health_menu_item():
    return StaffMenuItem(
        _("Gezondheidsoverzicht"), reverse("reports:health"), icon_name="pick", order=145
    )
