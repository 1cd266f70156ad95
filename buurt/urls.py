from django.urls import path

from . import views

app_name = "buurt"

urlpatterns = [
    path("", views.home, name="home"),
    path("buurten/<slug:slug>/", views.dashboard, name="dashboard"),
]
