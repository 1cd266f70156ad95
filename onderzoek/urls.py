from django.urls import path

from . import views

app_name = "onderzoek"

urlpatterns = [
    path("onderzoek/", views.index, name="index"),
]
