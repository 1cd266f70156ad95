from django.urls import path

from . import afspraken, views

app_name = "partnerportaal"

urlpatterns = [
    path(
        "buurten/<slug:slug>/partners/<int:pk>/links/",
        views.partnerlink_list,
        name="partnerlink_list",
    ),
    path(
        "buurten/<slug:slug>/partners/<int:pk>/links/nieuw/",
        views.partnerlink_create,
        name="partnerlink_create",
    ),
    path(
        "buurten/<slug:slug>/partners/<int:pk>/links/<int:link_pk>/aangemaakt/",
        views.partnerlink_created,
        name="partnerlink_created",
    ),
    path(
        "buurten/<slug:slug>/partners/<int:pk>/links/<int:link_pk>/intrekken/",
        views.partnerlink_revoke,
        name="partnerlink_revoke",
    ),
    path("partner/", views.partner_home, name="partner_home"),
    path("partner/afsluiten/", views.partner_leave, name="partner_leave"),
    path(
        "partner/overleg/<int:pk>.ics",
        afspraken.partner_overleg_ics,
        name="partner_overleg_ics",
    ),
    path(
        "partner/acties/<int:pk>/gedaan/",
        afspraken.partner_actie_gedaan,
        name="partner_actie_gedaan",
    ),
    path("partner/<str:token>/", views.partner_entry, name="partner_entry"),
]
