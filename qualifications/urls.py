"""Routes of the qualification checker: one class's check, and the catalogue-wide one."""

from django.urls import path

from . import views

app_name = "qualifications"

urlpatterns = [
    path("classes/qualify/", views.qualify, name="qualify"),
    path("classes/<slug:jurisdiction_slug>/<slug:class_slug>/check/", views.check, name="check"),
]
