from django.urls import path

from . import views

app_name = "initiatieven"

urlpatterns = [
    path("buurten/<slug:slug>/fruit/", views.fruit_view, name="fruit"),
    path(
        "buurten/<slug:slug>/fruit/activiteiten/<int:pk>/",
        views.activiteit_view,
        name="activiteit",
    ),
    path("buurten/<slug:slug>/fruit/verbinden/", views.fruit_relatie, name="fruit_relatie"),
    path("buurten/<slug:slug>/fruit/voortbouwen/", views.fruit_initiatief, name="fruit_initiatief"),
    path("buurten/<slug:slug>/fruit/reik-hoger/", views.reik_hoger, name="reik_hoger"),
    path("buurten/<slug:slug>/initiatieven/", views.lijst, name="lijst"),
    path("buurten/<slug:slug>/initiatieven/kies-soort/", views.kies_soort, name="kies_soort"),
    path("buurten/<slug:slug>/initiatieven/<int:pk>/schaal/", views.schaal, name="schaal"),
    path("buurten/<slug:slug>/bomen/", views.bomen_view, name="bomen"),
    path("buurten/<slug:slug>/bomen/nieuw-team/", views.team_nieuw, name="team_nieuw"),
    path(
        "buurten/<slug:slug>/initiatieven/suggesties/",
        views.initiatief_suggesties,
        name="initiatief_suggesties",
    ),
    path("buurten/<slug:slug>/bomen/teams/<int:pk>/", views.team_bewerken, name="team_bewerken"),
    path(
        "buurten/<slug:slug>/bomen/deelnames/<int:pk>/",
        views.deelname_bewerken,
        name="deelname_bewerken",
    ),
    path("buurten/<slug:slug>/bomen/bos/", views.bos_view, name="bos"),
]
