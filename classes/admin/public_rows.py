"""Admin pages of rows the public pages show (a jurisdiction, a department, a class and its history …)."""

from classes.publishing import catalogue_changed


class PublicRowAdmin:
    """A change to a row some public page shows is a change of the public catalogue; one no public page shows yet
    (a new class, a draft's department) changes nothing public. The row says which it is (`shown_publicly`)."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)  # the row's inlines (a class's history) are saved too
        if form.instance.shown_publicly():
            catalogue_changed()

    def delete_model(self, request, obj):
        shown = obj.shown_publicly()
        super().delete_model(request, obj)
        if shown:
            catalogue_changed()

    def delete_queryset(self, request, queryset):
        shown = any(obj.shown_publicly() for obj in queryset)
        super().delete_queryset(request, queryset)
        if shown:
            catalogue_changed()
