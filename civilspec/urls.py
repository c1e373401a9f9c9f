"""Top-level routes: the public portal and the analysts' admin."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="classes:list", permanent=False)),
    path("classes/", include("classes.urls")),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "civilspec administration"
admin.site.site_title = "civilspec"
