from django.contrib import admin
from import_export.admin import ImportExportModelAdmin

from . import services
from .models import (
    Activiteit,
    Deelname,
    Initiatief,
    Succes,
    Team,
    Teamintensiteit,
    Voorkeur,
)
from .resources import ActiviteitResource


@admin.register(Activiteit)
class ActiviteitAdmin(ImportExportModelAdmin):
    resource_classes = [ActiviteitResource]
    list_display = ["naam", "buurt", "doelgroep", "thema", "frequentie", "loopt"]
    list_filter = ["loopt", "doelgroep", "thema", "frequentie", "buurt"]
    search_fields = ["naam", "omschrijving"]
    list_select_related = ["buurt"]
    autocomplete_fields = ["buurt", "organisatoren"]


class TeamInline(admin.TabularInline):
    model = Team
    extra = 0
    fields = ["naam", "doel", "beslist_samen"]
    show_change_link = True


@admin.register(Initiatief)
class InitiatiefAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "gestart_door", "status", "buurt", "gestart_op"]
    list_filter = ["soort", "gestart_door", "status", "buurt"]
    search_fields = ["naam", "doel"]
    list_select_related = ["buurt"]
    autocomplete_fields = ["buurt", "trekkers", "bouwt_voort_op"]
    # The status changes on the initiative's page, where each change is a dated record.
    readonly_fields = ["status", "gestart_op", "afgerond_op", "versie"]
    inlines = [TeamInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            services.start_status_history(obj, door=request.user)


class DeelnameInline(admin.TabularInline):
    """Memberships end, they are never deleted: the team's make-up on a past date depends on
    it. An ended membership is history and stays as it was."""

    model = Deelname
    extra = 1
    can_delete = False
    fields = [
        "partner",
        "participatieniveau",
        "nodig",
        "middelen",
        "toegetreden_op",
        "vertrokken_op",
        "einde",
    ]
    autocomplete_fields = ["partner"]

    def get_readonly_fields(self, request, obj=None):
        return ["einde"]


class TeamintensiteitInline(admin.TabularInline):
    model = Teamintensiteit
    extra = 1
    fields = ["datum", "intensiteit", "door"]
    autocomplete_fields = ["door"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["naam", "initiatief", "beslist_samen"]
    list_filter = ["beslist_samen", "initiatief__buurt"]
    search_fields = ["naam", "doel", "initiatief__naam"]
    list_select_related = ["initiatief"]
    autocomplete_fields = ["initiatief"]
    inlines = [DeelnameInline, TeamintensiteitInline]


@admin.register(Voorkeur)
class VoorkeurAdmin(admin.ModelAdmin):
    list_display = ["partner", "team", "participatieniveau", "bron", "datum"]
    list_filter = ["participatieniveau", "bron", "partner__actor__buurt"]
    search_fields = ["partner__actor__naam"]
    list_select_related = ["partner__actor", "team"]
    autocomplete_fields = ["partner", "team", "door"]
    date_hierarchy = "datum"


@admin.register(Succes)
class SuccesAdmin(admin.ModelAdmin):
    list_display = ["titel", "datum", "buurt", "initiatief"]
    list_filter = ["buurt"]
    search_fields = ["titel", "beschrijving"]
    list_select_related = ["buurt", "initiatief"]
    autocomplete_fields = ["buurt", "partners", "initiatief"]
    date_hierarchy = "datum"
