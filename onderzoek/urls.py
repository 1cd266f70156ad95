from django.urls import path

from . import views

app_name = "onderzoek"

urlpatterns = [
    path("onderzoek/", views.index, name="index"),
    path("buurten/<slug:slug>/import/", views.import_view, name="import"),
    path(
        "buurten/<slug:slug>/import/sjabloon/<str:kind>/",
        views.import_template,
        name="import_sjabloon",
    ),
]
