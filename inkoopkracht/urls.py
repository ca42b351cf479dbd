"""URL root. Each app owns its URL prefixes in its own urls.py; Wagtail serves the rest."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from .api import api
from .knowledge.sitemaps import SITEMAPS
from .reports.sitemaps import ResultsSitemap

urlpatterns = [
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("account/", include("inkoopkracht.accounts.urls")),
    path("mijn/", include("inkoopkracht.partnerships.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {**SITEMAPS, "resultaten": ResultsSitemap}},
        name="sitemap",
    ),
    # Apps that build on the foundation: each urls.py sets its own prefixes.
    path("", include("inkoopkracht.monitoring.urls")),
    path("", include("inkoopkracht.events.urls")),
    path("", include("inkoopkracht.intake.urls")),
    path("", include("inkoopkracht.knowledge.urls")),
    path("", include("inkoopkracht.quota.urls")),
    path("", include("inkoopkracht.reports.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Last: Wagtail's page tree (the home page, the guide, news, ...).
urlpatterns.append(path("", include(wagtail_urls)))
