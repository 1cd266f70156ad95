from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("buurten/<slug:slug>/vonken/", views.vonken, name="vonken"),
    path(
        "buurten/<slug:slug>/vonken/<int:pk>/enthousiasme/",
        views.enthousiasme,
        name="enthousiasme",
    ),
    path("buurten/<slug:slug>/vonken/partner-maken/", views.partner_maken, name="partner_maken"),
    path("buurten/<slug:slug>/vonken/successen/", views.succes_nieuw, name="succes_nieuw"),
]
