"""Public URLs of the intake. Other apps link to the plain paths /aanmelden/ and /aanvragen/."""

from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("aanmelden/", views.apply, name="apply"),
    path("aanmelden/ontvangen/", views.apply_received, name="apply_received"),
    path("aanmelden/privacy/", views.privacy, name="privacy"),
    path("aanvragen/", views.information_request, name="information_request"),
    path("aanvragen/handreiking/", views.guide_order, name="guide_order"),
    path("aanvragen/ontvangen/", views.request_received, name="request_received"),
]
