from django.urls import path

from .views import bomen_pages, bos_page, fruit_pages, initiatief_detail, initiatief_pages

app_name = "initiatieven"

urlpatterns = [
    path("buurten/<slug:slug>/fruit/", fruit_pages.fruit_view, name="fruit"),
    path(
        "buurten/<slug:slug>/fruit/activiteiten/<int:pk>/",
        fruit_pages.activiteit_edit,
        name="activiteit_edit",
    ),
    path("buurten/<slug:slug>/fruit/verbinden/", fruit_pages.fruit_connect, name="fruit_connect"),
    path(
        "buurten/<slug:slug>/fruit/voortbouwen/", fruit_pages.fruit_build_on, name="fruit_build_on"
    ),
    path("buurten/<slug:slug>/fruit/kansstatus/", fruit_pages.kans_status, name="kans_status"),
    path("buurten/<slug:slug>/fruit/reik-hoger/", fruit_pages.reik_hoger, name="reik_hoger"),
    path(
        "buurten/<slug:slug>/initiatieven/",
        initiatief_pages.initiatief_list,
        name="initiatief_list",
    ),
    path(
        "buurten/<slug:slug>/initiatieven/kies-soort/",
        initiatief_pages.soort_choose,
        name="soort_choose",
    ),
    path(
        "buurten/<slug:slug>/initiatieven/<int:pk>/",
        initiatief_detail.initiatief_detail,
        name="initiatief_detail",
    ),
    path(
        "buurten/<slug:slug>/initiatieven/<int:pk>/bewerken/",
        initiatief_detail.initiatief_edit,
        name="initiatief_edit",
    ),
    path(
        "buurten/<slug:slug>/initiatieven/<int:pk>/status/",
        initiatief_detail.initiatief_status,
        name="initiatief_status",
    ),
    path(
        "buurten/<slug:slug>/initiatieven/<int:pk>/schaal/",
        initiatief_pages.schaal_edit,
        name="schaal_edit",
    ),
    path("buurten/<slug:slug>/bomen/", bomen_pages.bomen_view, name="bomen"),
    path("buurten/<slug:slug>/bomen/nieuw-team/", bomen_pages.team_create, name="team_create"),
    path(
        "buurten/<slug:slug>/initiatieven/suggesties/",
        initiatief_pages.initiatief_suggestions,
        name="initiatief_suggestions",
    ),
    path(
        "buurten/<slug:slug>/bomen/teams/suggesties/",
        bomen_pages.team_suggestions,
        name="team_suggestions",
    ),
    path("buurten/<slug:slug>/bomen/teams/<int:pk>/", bomen_pages.team_edit, name="team_edit"),
    path(
        "buurten/<slug:slug>/bomen/deelnames/<int:pk>/",
        bomen_pages.deelname_edit,
        name="deelname_edit",
    ),
    path(
        "buurten/<slug:slug>/bomen/teams/<int:pk>/leden/",
        bomen_pages.deelname_add,
        name="deelname_add",
    ),
    path(
        "buurten/<slug:slug>/bomen/deelnames/<int:pk>/einde/",
        bomen_pages.deelname_end,
        name="deelname_end",
    ),
    path("buurten/<slug:slug>/bomen/bos/", bos_page.bos_view, name="bos"),
]
