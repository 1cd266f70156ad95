from django.urls import path

from . import views

app_name = "initiatieven"

urlpatterns = [
    path("buurten/<slug:slug>/fruit/", views.fruit_view, name="fruit"),
    path(
        "buurten/<slug:slug>/fruit/activiteiten/<int:pk>/",
        views.activiteit_edit,
        name="activiteit_edit",
    ),
    path("buurten/<slug:slug>/fruit/verbinden/", views.fruit_connect, name="fruit_connect"),
    path("buurten/<slug:slug>/fruit/voortbouwen/", views.fruit_build_on, name="fruit_build_on"),
    path("buurten/<slug:slug>/fruit/reik-hoger/", views.reik_hoger, name="reik_hoger"),
    path("buurten/<slug:slug>/initiatieven/", views.initiatief_list, name="initiatief_list"),
    path("buurten/<slug:slug>/initiatieven/kies-soort/", views.soort_choose, name="soort_choose"),
    path(
        "buurten/<slug:slug>/initiatieven/<int:pk>/schaal/", views.schaal_edit, name="schaal_edit"
    ),
    path("buurten/<slug:slug>/bomen/", views.bomen_view, name="bomen"),
    path("buurten/<slug:slug>/bomen/nieuw-team/", views.team_create, name="team_create"),
    path(
        "buurten/<slug:slug>/initiatieven/suggesties/",
        views.initiatief_suggestions,
        name="initiatief_suggestions",
    ),
    path("buurten/<slug:slug>/bomen/teams/<int:pk>/", views.team_edit, name="team_edit"),
    path(
        "buurten/<slug:slug>/bomen/deelnames/<int:pk>/",
        views.deelname_edit,
        name="deelname_edit",
    ),
    path("buurten/<slug:slug>/bomen/bos/", views.bos_view, name="bos"),
]
