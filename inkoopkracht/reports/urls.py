from django.urls import path

from . import health_views

app_name = "reports"

urlpatterns = [
    path("mijn/gezondheid/", health_views.health_overview, name="health"),
    path("mijn/gezondheid/export.<str:fmt>", health_views.health_download, name="health_export"),
]
