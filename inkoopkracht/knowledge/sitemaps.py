"""sitemap.xml: the live public pages (Wagtail's sitemap) and the published lessons."""

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from .models import Lesson


class LessonSitemap(Sitemap):
    def items(self):
        return Lesson.objects.published().order_by("pk").only("pk", "last_published_at")

    def lastmod(self, lesson):
        return lesson.last_published_at


SITEMAPS = {"pagina": PageSitemap, "lessen": LessonSitemap}
