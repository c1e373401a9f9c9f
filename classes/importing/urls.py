from django.urls import path

from . import views

urlpatterns = [path("", views.import_specs, name="import_specs")]
