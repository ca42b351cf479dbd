"""Two-factor for staff: until a team member or coach has entered a code, nothing else opens."""

from urllib.parse import quote

from django.shortcuts import redirect
from django.urls import reverse

# What a logged-in but not yet verified user may still reach.
OPEN_PATHS = ("/static/", "/media/", "/i18n/", "/favicon.ico")


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not self._is_open(request.path)
            and user.requires_two_factor
        ):
            target = reverse("accounts:two_factor")
            return redirect(f"{target}?next={quote(request.get_full_path())}")
        return self.get_response(request)

    @staticmethod
    def _is_open(path: str) -> bool:
        open_paths = (
            reverse("accounts:two_factor"),
            reverse("accounts:two_factor_setup"),
            reverse("accounts:logout"),
        )
        return path.startswith(OPEN_PATHS) or path in open_paths
