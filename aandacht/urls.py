from django.urls import path

from . import views

app_name = "aandacht"

urlpatterns = [
    path("buurten/<slug:slug>/aandacht/", views.aandacht, name="aandacht"),
    path("buurten/<slug:slug>/aandacht/<str:soort>/", views.soort, name="soort"),
    path(
        "buurten/<slug:slug>/aandacht/<str:soort>/<str:sleutel>/uitstellen/",
        views.uitstellen,
        name="uitstellen",
    ),
    path("buurten/<slug:slug>/overdracht/", views.overdracht, name="overdracht"),
    path("accounts/wekelijkse-mail/", views.digest_voorkeur, name="digest_voorkeur"),
]
