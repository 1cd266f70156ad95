from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("buurten/<slug:slug>/vonken/", views.vonken, name="vonken"),
    path(
        "buurten/<slug:slug>/vonken/<int:pk>/enthousiasme/",
        views.rate_enthousiasme,
        name="rate_enthousiasme",
    ),
    path("buurten/<slug:slug>/vonken/partner-maken/", views.partner_create, name="partner_create"),
    path("buurten/<slug:slug>/vonken/successen/", views.succes_create, name="succes_create"),
    path("buurten/<slug:slug>/partners/<int:pk>/links/", views.partner_links, name="links"),
    path(
        "buurten/<slug:slug>/partners/<int:pk>/links/nieuw/",
        views.link_create,
        name="link_create",
    ),
    path(
        "buurten/<slug:slug>/partners/<int:pk>/links/<int:link_pk>/intrekken/",
        views.link_revoke,
        name="link_revoke",
    ),
    path("partner/", views.partner_home, name="partner_home"),
    path("partner/afsluiten/", views.partner_leave, name="partner_leave"),
    path("partner/<str:token>/", views.partner_entry, name="partner_entry"),
]
