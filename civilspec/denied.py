"""The 403 page: which permission the action needs, and a way back. A refusal names the permission where it knows
it (`PermissionDenied("classes.adopt_version")`); the admin's own pages are read from their address."""

import re

from django.contrib import admin
from django.contrib.auth.models import Permission
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

PERMISSION_LABEL = re.compile(r"^(?P<app>\w+)\.(?P<codename>\w+)$")
# What each of the admin's own pages needs: admin:<app>_<model>_<page>.
ADMIN_PAGES = {"add": "add", "change": "change", "delete": "delete", "changelist": "view", "history": "view"}


def permission_denied(request, exception):
    label = needed_permission(request, exception)
    said = str(exception or "")
    in_admin = request.path.startswith(reverse("admin:index"))
    context = {
        **(admin.site.each_context(request) if in_admin else {}),
        "title": "You may not do this",
        "permission": describe(label) if label else "",
        "label": label,
        "reason": "" if label or PERMISSION_LABEL.match(said) else said,
        "back": way_back(request, in_admin),
    }
    return render(request, "admin/403.html" if in_admin else "403.html", context, status=403)


def needed_permission(request, exception):
    said = str(exception or "")
    if PERMISSION_LABEL.match(said):
        return said
    match = request.resolver_match
    name = match.url_name if match and match.namespace == "admin" else ""
    for app_config in ("classes", "qualifications", "auth"):
        if name.startswith(app_config + "_"):
            model, _, page = name.removeprefix(app_config + "_").rpartition("_")
            if page in ADMIN_PAGES and model:
                return f"{app_config}.{ADMIN_PAGES[page]}_{model}"
    return ""


def describe(label):
    """The permission as the admin's user pages name it, e.g. “Can adopt a proposed version or return it to draft”."""
    app_label, codename = label.split(".", 1)
    found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    return found.name if found else label


def way_back(request, in_admin):
    came_from = request.META.get("HTTP_REFERER", "")
    if came_from and url_has_allowed_host_and_scheme(
        came_from, {request.get_host()}, require_https=request.is_secure()
    ):
        return came_from
    return reverse("admin:index") if in_admin else reverse("home")
