from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    path("", views.portal, name="portal"),
    path("proeftuinen/<int:pk>/", views.partnership_detail, name="detail"),
]
