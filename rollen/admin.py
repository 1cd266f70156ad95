from django.contrib import admin

from .models import Uitnodiging


@admin.register(Uitnodiging)
class UitnodigingAdmin(admin.ModelAdmin):
    """To look up an invitation; they are made, sent and revoked on the buurt's people page,
    where the token goes out by e-mail."""

    list_display = ["email", "buurt", "rol", "aangemaakt_door", "verloopt_op", "aanvaard_op"]
    list_filter = ["rol", "buurt"]
    search_fields = ["email"]
    list_select_related = ["buurt", "aangemaakt_door"]
    readonly_fields = [
        "buurt",
        "email",
        "rol",
        "aangemaakt_door",
        "aangemaakt_op",
        "verloopt_op",
        "aanvaard_op",
        "aanvaard_door",
        "laatst_verzonden_op",
        "verzenden_mislukt",
    ]

    def has_add_permission(self, request):
        return False
