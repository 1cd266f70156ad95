from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from buurt.login import LoginView, limit_guessing
from buurt.views import health

# The admin's own login form gets the same limit on password guessing as ours.
admin.site.login = limit_guessing(admin.site.login)

urlpatterns = [
    path("", include("buurt.urls")),
    path("", include("coordinatie.urls")),
    path("", include("partnerportaal.urls")),
    path("", include("initiatieven.urls")),
    path("", include("importeren.urls")),
    path("", include("onderzoek.urls")),
    path("", include("rollen.urls")),
    path("", include("overleg.urls")),
    path("", include("aandacht.urls")),
    path("", include("privacy.urls")),
    path("", include("verslag.urls")),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
]
