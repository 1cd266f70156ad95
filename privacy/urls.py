from django.urls import path

from . import views

app_name = "privacy"

PERSOON = "buurten/<slug:slug>/ken-je-buurt/<int:pk>"

urlpatterns = [
    path("buurten/<slug:slug>/privacy/", views.overzicht, name="overzicht"),
    path("buurten/<slug:slug>/privacy/bewaartermijn/", views.bewaartermijn, name="bewaartermijn"),
    path("buurten/<slug:slug>/privacy/exports/", views.exports, name="exports"),
    path(f"{PERSOON}/wissen/", views.wissen, name="wissen"),
    path(f"{PERSOON}/anonimiseren/", views.anonimiseren, name="anonimiseren"),
    path(f"{PERSOON}/grondslag/", views.grondslag, name="grondslag"),
    path(f"{PERSOON}/inzage/", views.inzage_pagina, name="inzage"),
    path(f"{PERSOON}/inzage.json", views.inzage_json, name="inzage_json"),
]
