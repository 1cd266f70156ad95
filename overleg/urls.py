from django.urls import path

from .views import actie_pages, overleg_pages

app_name = "overleg"

urlpatterns = [
    path("buurten/<slug:slug>/overleg/", overleg_pages.overleg_list, name="overleg_list"),
    path("buurten/<slug:slug>/overleg/nieuw/", overleg_pages.overleg_create, name="overleg_create"),
    path(
        "buurten/<slug:slug>/overleg/<int:pk>/", overleg_pages.overleg_detail, name="overleg_detail"
    ),
    path("buurten/<slug:slug>/overleg/<int:pk>.ics", overleg_pages.overleg_ics, name="overleg_ics"),
    path(
        "buurten/<slug:slug>/overleg/<int:pk>/bewerken/",
        overleg_pages.overleg_edit,
        name="overleg_edit",
    ),
    path(
        "buurten/<slug:slug>/overleg/<int:pk>/aanwezig/",
        overleg_pages.overleg_aanwezig,
        name="overleg_aanwezig",
    ),
    path(
        "buurten/<slug:slug>/overleg/<int:pk>/acties/",
        overleg_pages.overleg_actie_add,
        name="overleg_actie_add",
    ),
    path(
        "buurten/<slug:slug>/overleg/<int:pk>/verwijderen/",
        overleg_pages.overleg_delete,
        name="overleg_delete",
    ),
    path("buurten/<slug:slug>/acties/", actie_pages.actie_list, name="actie_list"),
    path("buurten/<slug:slug>/acties/nieuw/", actie_pages.actie_create, name="actie_create"),
    path("buurten/<slug:slug>/acties/<int:pk>/", actie_pages.actie_edit, name="actie_edit"),
    path("buurten/<slug:slug>/acties/<int:pk>/gedaan/", actie_pages.actie_done, name="actie_done"),
]
