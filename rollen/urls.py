from django.urls import path

from . import views

app_name = "rollen"

urlpatterns = [
    path("buurten/<slug:slug>/rollen/", views.mensen, name="mensen"),
    path("buurten/<slug:slug>/rollen/uitnodigen/", views.uitnodigen, name="uitnodigen"),
    path("buurten/<slug:slug>/rollen/<int:pk>/wijzigen/", views.rol_wijzigen, name="rol_wijzigen"),
    path(
        "buurten/<slug:slug>/rollen/<int:pk>/verwijderen/",
        views.rol_verwijderen,
        name="rol_verwijderen",
    ),
    path(
        "buurten/<slug:slug>/rollen/uitnodigingen/<int:pk>/intrekken/",
        views.uitnodiging_intrekken,
        name="uitnodiging_intrekken",
    ),
    path(
        "buurten/<slug:slug>/rollen/uitnodigingen/<int:pk>/opnieuw/",
        views.uitnodiging_opnieuw,
        name="uitnodiging_opnieuw",
    ),
    path("uitnodiging/", views.uitnodiging, name="uitnodiging"),
    path("uitnodiging/<str:token>/", views.uitnodiging_entry, name="uitnodiging_entry"),
]
