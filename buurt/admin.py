from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin

from .models import Actor, Beleidsverwachting, Buurt, Relatie, Rol
from .resources import ActorResource


class RolInline(admin.TabularInline):
    model = Rol
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Buurt)
class BuurtAdmin(admin.ModelAdmin):
    list_display = [
        "naam",
        "slug",
        "gemeente",
        "gestart_op",
        "tweestapsverificatie_verplicht",
        "aantal_actoren",
    ]
    search_fields = ["naam", "slug", "gemeente"]
    list_filter = ["gemeente", "tweestapsverificatie_verplicht"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [RolInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_aantal_actoren=Count("actoren"))

    @admin.display(description=_("actoren"), ordering="_aantal_actoren")
    def aantal_actoren(self, obj):
        return obj._aantal_actoren


@admin.register(Rol)
class RolAdmin(admin.ModelAdmin):
    list_display = ["user", "buurt", "rol"]
    list_filter = ["rol", "buurt"]
    search_fields = ["user__username", "buurt__naam"]
    list_select_related = ["user", "buurt"]
    autocomplete_fields = ["user", "buurt"]


@admin.register(Actor)
class ActorAdmin(ImportExportModelAdmin):
    resource_classes = [ActorResource]
    list_display = ["naam", "soort", "sector", "buurt", "aangebracht_door", "aangemaakt_op"]
    list_filter = ["soort", "sector", "buurt"]
    search_fields = ["naam", "omschrijving"]
    list_select_related = ["buurt", "aangebracht_door"]
    autocomplete_fields = ["buurt", "aangebracht_door"]
    readonly_fields = ["aangemaakt_op", "gewijzigd_op", "geanonimiseerd_op"]
    show_full_result_count = False  # counting a million rows on every page is wasted work
    date_hierarchy = "aangemaakt_op"


@admin.register(Relatie)
class RelatieAdmin(admin.ModelAdmin):
    list_display = ["van", "naar", "intensiteit", "sinds", "tot", "buurt"]
    list_filter = ["intensiteit", "buurt"]
    search_fields = ["van__naam", "naar__naam"]
    list_select_related = ["van", "naar", "buurt"]
    autocomplete_fields = ["buurt", "van", "naar"]
    show_full_result_count = False


@admin.register(Beleidsverwachting)
class BeleidsverwachtingAdmin(admin.ModelAdmin):
    list_display = ["bron", "wat", "sinds", "tot", "buurt"]
    list_filter = ["bron", "buurt"]
    search_fields = ["wat", "notitie"]
    list_select_related = ["buurt"]
    autocomplete_fields = ["buurt"]
    date_hierarchy = "sinds"
