from django.urls import path

from . import views

app_name = "coordinatie"

urlpatterns = [
    path("buurten/<slug:slug>/", views.dashboard, name="dashboard"),
    path("buurten/<slug:slug>/ken-je-buurt/<int:pk>/", views.actor_detail, name="actor_detail"),
    path(
        "buurten/<slug:slug>/ken-je-buurt/<int:pk>/relaties/",
        views.relatie_create,
        name="relatie_create",
    ),
    path("buurten/<slug:slug>/vonken/", views.vonken, name="vonken"),
    path("buurten/<slug:slug>/tijdlijn/", views.tijdlijn, name="tijdlijn"),
    path(
        "buurten/<slug:slug>/vonken/<int:pk>/enthousiasme/",
        views.rate_enthousiasme,
        name="rate_enthousiasme",
    ),
    path("buurten/<slug:slug>/vonken/partner-maken/", views.partner_create, name="partner_create"),
    path("buurten/<slug:slug>/vonken/successen/", views.succes_create, name="succes_create"),
    path(
        "buurten/<slug:slug>/vonken/successen/<int:pk>/bewerken/",
        views.succes_edit,
        name="succes_edit",
    ),
]
