"""sitemap.xml entries of the public results and the open-data page."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class ResultsSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["reports:results", "reports:open_data"]

    def location(self, item):
        return reverse(item)
