from django.urls import path

from . import views

urlpatterns = [
    path("", views.import_specs, name="import_specs"),
    path("batches/<int:pk>/", views.batch_page, name="import_batch"),
    path("batches/<int:pk>/add/", views.add_files, name="import_add_files"),
    path("batches/<int:pk>/read/", views.read_next, name="import_read_next"),
    path("documents/<int:pk>/", views.review, name="import_review"),
]
