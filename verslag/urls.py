from django.urls import path

from . import views

app_name = "verslag"

urlpatterns = [
    path("buurten/<slug:slug>/verslag/", views.verslag, name="verslag"),
    path("buurten/<slug:slug>/verslag.pdf", views.verslag_pdf, name="verslag_pdf"),
]
