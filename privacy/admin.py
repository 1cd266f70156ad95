from django.contrib import admin

from buurt.models import Exportregistratie

from .models import Wissing


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records of what happened: to be read, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Wissing)
class WissingAdmin(ReadOnlyAdmin):
    list_display = ["op", "buurt", "manier", "soort", "was_partner", "door", "vermeldingen"]
    list_filter = ["manier", "soort", "buurt"]
    list_select_related = ["buurt", "door"]
    date_hierarchy = "op"


@admin.register(Exportregistratie)
class ExportregistratieAdmin(ReadOnlyAdmin):
    list_display = ["op", "door", "via", "formaat", "identificeerbaar", "lijst_buurten"]
    list_filter = ["via", "identificeerbaar", "buurten"]
    list_select_related = ["door"]
    date_hierarchy = "op"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("buurten")

    @admin.display(description=Exportregistratie._meta.get_field("buurten").verbose_name)
    def lijst_buurten(self, obj):
        return ", ".join(b.naam for b in obj.buurten.all())
