from django.urls import path

from . import views

app_name = "importeren"

urlpatterns = [
    path("buurten/<slug:slug>/import/", views.import_view, name="import"),
    path(
        "buurten/<slug:slug>/import/sjabloon/<str:kind>/",
        views.import_template,
        name="import_template",
    ),
]
