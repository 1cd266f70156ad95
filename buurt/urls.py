from django.urls import path

from . import views

app_name = "buurt"

urlpatterns = [
    path("", views.home, name="home"),
    path("over/", views.over, name="over"),
    path("buurten/<slug:slug>/ken-je-buurt/", views.ken_je_buurt, name="ken_je_buurt"),
    path("buurten/<slug:slug>/ken-je-buurt/nieuw/", views.actor_create, name="actor_create"),
    path(
        "buurten/<slug:slug>/ken-je-buurt/suggesties/",
        views.actor_suggestions,
        name="actor_suggestions",
    ),
    path("buurten/<slug:slug>/ken-je-buurt/<int:pk>/rij/", views.actor_row, name="actor_row"),
    path(
        "buurten/<slug:slug>/ken-je-buurt/<int:pk>/bewerken/",
        views.actor_edit,
        name="actor_edit",
    ),
    path(
        "buurten/<slug:slug>/ken-je-buurt/<int:pk>/verwijderen/",
        views.actor_delete,
        name="actor_delete",
    ),
    path("buurten/<slug:slug>/beleid/", views.beleid, name="beleid"),
    path("buurten/<slug:slug>/beleid/nieuw/", views.beleid_create, name="beleid_create"),
    path("buurten/<slug:slug>/beleid/<int:pk>/beeindigen/", views.beleid_end, name="beleid_end"),
    path(
        "buurten/<slug:slug>/relaties/<int:pk>/beeindigen/",
        views.relatie_end,
        name="relatie_end",
    ),
]
