from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
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
    readonly_fields = ["aangemaakt_op", "gewijzigd_op", "geanonimiseerd_op", "privacy"]
    show_full_result_count = False  # counting a million rows on every page is wasted work
    date_hierarchy = "aangemaakt_op"

    # A person is erased on the privacy page, which removes every trace of their name; the
    # admin's own delete would leave it in the timeline, the admin's log and elsewhere.
    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_natuurlijk_persoon:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.display(description=_("privacy"))
    def privacy(self, obj):
        if not obj.pk or not obj.is_natuurlijk_persoon:
            return "—"
        args = [obj.buurt.slug, obj.pk]
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("privacy:inzage", args=args),
            _("inzage"),
            reverse("privacy:anonimiseren", args=args),
            _("anonimiseren"),
            reverse("privacy:wissen", args=args),
            _("wissen"),
        )


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
