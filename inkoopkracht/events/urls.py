"""Public event pages under /bijeenkomsten/ (a path other pages link to) and the member pages
under /mijn-bijeenkomsten/ (part of Mijn proeftuin; a prefix of its own)."""

from django.urls import path

from . import linkviews, portal, views

app_name = "events"

urlpatterns = [
    path("bijeenkomsten/", views.event_list, name="list"),
    path("bijeenkomsten/afgelopen/", views.past_events, name="past"),
    path("bijeenkomsten/agenda.ics", views.feed, name="feed"),
    path("bijeenkomsten/afmelden/<str:token>/", linkviews.cancel, name="cancel"),
    path("bijeenkomsten/aanbod/<str:token>/", linkviews.offer, name="offer"),
    path("bijeenkomsten/materiaal/<str:token>/", linkviews.materials, name="materials"),
    path(
        "bijeenkomsten/materiaal/<str:token>/<int:pk>/",
        linkviews.material_download,
        name="material_download",
    ),
    path("bijeenkomsten/<slug:slug>/", views.event_detail, name="detail"),
    path("bijeenkomsten/<slug:slug>/agenda.ics", views.event_ics, name="ics"),
    path("mijn-bijeenkomsten/", portal.my_events, name="mine"),
    path("mijn-bijeenkomsten/<int:pk>/afmelden/", portal.cancel_mine, name="cancel_mine"),
    path("mijn-bijeenkomsten/<int:pk>/aannemen/", portal.accept_mine, name="accept_mine"),
]
