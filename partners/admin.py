from django.contrib import admin

from .models import Enthousiasme, Partner, Partnerlink


class EnthousiasmeInline(admin.TabularInline):
    model = Enthousiasme
    extra = 1
    fields = ["datum", "niveau", "notitie", "door"]
    autocomplete_fields = ["door"]


class PartnerlinkInline(admin.TabularInline):
    model = Partnerlink
    extra = 0
    fields = ["aangemaakt_op", "verloopt_op", "ingetrokken_op", "laatst_gebruikt_op"]
    readonly_fields = ["aangemaakt_op", "laatst_gebruikt_op"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # links are made in the app, where the token is shown once


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["actor", "buurt_naam", "contactpersoon", "user", "partner_sinds"]
    list_filter = ["actor__buurt", "actor__soort"]
    search_fields = ["actor__naam", "contactpersoon"]
    list_select_related = ["actor__buurt", "user"]
    autocomplete_fields = ["actor", "user"]
    inlines = [EnthousiasmeInline, PartnerlinkInline]

    @admin.display(description="buurt", ordering="actor__buurt__naam")
    def buurt_naam(self, obj):
        return obj.actor.buurt.naam


@admin.register(Enthousiasme)
class EnthousiasmeAdmin(admin.ModelAdmin):
    list_display = ["partner", "niveau", "datum", "door"]
    list_filter = ["niveau", "partner__actor__buurt"]
    search_fields = ["partner__actor__naam"]
    list_select_related = ["partner__actor", "door"]
    autocomplete_fields = ["partner", "door"]
    date_hierarchy = "datum"
