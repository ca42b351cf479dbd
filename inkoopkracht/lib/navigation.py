"""Menus as an extension point: each app registers its own entries in ``AppConfig.ready()``.

The base template renders the menus without knowing which apps exist, so an app never has to
edit another app's templates to appear in the navigation.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    order: int = 100
    # Who sees it: "all", "authenticated", "members" (portal users) or "staff" (team and coaches).
    audience: str = "all"


_MENUS: dict[str, list[MenuItem]] = {"public": [], "portal": [], "footer": []}


def register(menu: str, item: MenuItem) -> None:
    items = _MENUS.setdefault(menu, [])
    if item not in items:
        items.append(item)


def _visible(item: MenuItem, user) -> bool:
    if item.audience == "all":
        return True
    if not user.is_authenticated:
        return False
    if item.audience == "staff":
        return getattr(user, "is_programme_staff", False)
    return True


def items_for(menu: str, request) -> list[dict]:
    """The entries of one menu that this user may see, with their URL and current state."""
    result = []
    user = getattr(request, "user", None)
    for item in sorted(_MENUS.get(menu, []), key=lambda i: (i.order, str(i.label))):
        if user is not None and not _visible(item, user):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        current = request.path == url or (url != "/" and request.path.startswith(url))
        result.append({"label": item.label, "url": url, "current": current})
    return result


def menus(request) -> dict:
    """Context processor: ``menus.public``, ``menus.portal`` and ``menus.footer``."""
    return {"menus": {name: items_for(name, request) for name in _MENUS}}
