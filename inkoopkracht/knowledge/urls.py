"""Routes of the public site and of sharing lessons; Wagtail serves the page tree after these."""

from django.urls import path

from . import views

app_name = "knowledge"

# Fixed addresses of Wagtail pages, so that menus can link to them by name. The pages must keep
# these slugs (docs/knowledge.md); everything below them is served by Wagtail as usual.
PAGE_ROUTES = [
    ("handreiking/", "guide"),
    ("nieuws/", "news"),
    ("toegankelijkheid/", "accessibility"),
    ("privacy/", "privacy"),
    ("contact/", "contact"),
]

urlpatterns = [
    *[path(route, views.wagtail_page, {"path": route}, name=name) for route, name in PAGE_ROUTES],
    path("handreiking.pdf", views.guide_pdf, name="guide_pdf"),
    path("zoeken/", views.search, name="search"),
    path("lessen/", views.lesson_list, name="lessons"),
    path("lessen/<int:pk>/", views.lesson_detail, name="lesson"),
    path("mijn/lessen/", views.my_lessons, name="my_lessons"),
    path("mijn/lessen/<int:pk>/aanpassen/", views.lesson_revise, name="lesson_revise"),
    path("mijn/proeftuinen/<int:pk>/les-delen/", views.lesson_create, name="lesson_create"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
]
