from django.contrib import admin

from .models import Actie, Deelnemer, Overleg, Overlegcoordinator


class DeelnemerInline(admin.TabularInline):
    model = Deelnemer
    extra = 0
    fields = ["partner", "aanwezig"]
    autocomplete_fields = ["partner"]


class OverlegcoordinatorInline(admin.TabularInline):
    model = Overlegcoordinator
    extra = 0
    fields = ["user", "aanwezig"]
    autocomplete_fields = ["user"]


@admin.register(Overleg)
class OverlegAdmin(admin.ModelAdmin):
    list_display = ["titel", "buurt", "begint_op", "team", "initiatief"]
    list_filter = ["buurt"]
    search_fields = ["titel"]
    list_select_related = ["buurt", "team", "initiatief"]
    autocomplete_fields = ["team", "initiatief", "aangemaakt_door"]
    date_hierarchy = "begint_op"
    inlines = [DeelnemerInline, OverlegcoordinatorInline]


@admin.register(Actie)
class ActieAdmin(admin.ModelAdmin):
    list_display = ["wat", "buurt", "partner", "coordinator", "tegen", "gedaan_op"]
    list_filter = ["buurt"]
    search_fields = ["wat"]
    list_select_related = ["buurt", "partner__actor", "coordinator"]
    autocomplete_fields = ["overleg", "team", "initiatief", "partner", "coordinator"]
    date_hierarchy = "tegen"
