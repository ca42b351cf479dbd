"""Public results and open data (``/resultaten/``); the team's health overview
(``/mijn/gezondheid/``)."""

from django.urls import path

from . import health_views, views

app_name = "reports"

urlpatterns = [
    path("resultaten/", views.results_page, name="results"),
    path("resultaten/open-data/", views.open_data_page, name="open_data"),
    path("resultaten/open-data/resultaten.csv", views.open_data_csv, name="open_data_csv"),
    path("resultaten/open-data/resultaten.json", views.open_data_json, name="open_data_json"),
    path("mijn/gezondheid/", health_views.health_overview, name="health"),
    path("mijn/gezondheid/export.<str:fmt>", health_views.health_download, name="health_export"),
]
