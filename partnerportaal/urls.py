from django.urls import path

from . import views

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
    path("partner/<str:token>/", views.partner_entry, name="partner_entry"),
]
