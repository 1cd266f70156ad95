from django.urls import path

from . import views

app_name = "buurt"

urlpatterns = [
    path("", views.home, name="home"),
    path("buurten/<slug:slug>/", views.dashboard, name="dashboard"),
    path("buurten/<slug:slug>/ken-je-buurt/", views.ken_je_buurt, name="ken_je_buurt"),
    path("buurten/<slug:slug>/ken-je-buurt/nieuw/", views.actor_nieuw, name="actor_nieuw"),
    path(
        "buurten/<slug:slug>/ken-je-buurt/suggesties/",
        views.actor_suggesties,
        name="actor_suggesties",
    ),
    path("buurten/<slug:slug>/ken-je-buurt/<int:pk>/", views.actor_detail, name="actor_detail"),
    path("buurten/<slug:slug>/ken-je-buurt/<int:pk>/rij/", views.actor_rij, name="actor_rij"),
    path(
        "buurten/<slug:slug>/ken-je-buurt/<int:pk>/bewerken/",
        views.actor_bewerken,
        name="actor_bewerken",
    ),
    path(
        "buurten/<slug:slug>/ken-je-buurt/<int:pk>/verwijderen/",
        views.actor_verwijderen,
        name="actor_verwijderen",
    ),
    path(
        "buurten/<slug:slug>/ken-je-buurt/<int:pk>/relaties/",
        views.relatie_nieuw,
        name="relatie_nieuw",
    ),
    path(
        "buurten/<slug:slug>/relaties/<int:pk>/beeindigen/",
        views.relatie_beeindigen,
        name="relatie_beeindigen",
    ),
]
