"""Admin login throttling beyond settings: the client's address behind the proxy, and the lockout page."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def client_address(request):
    """The address a login attempt came from, for django-axes.

    Each of our TRUSTED_PROXY_COUNT proxies appends the address it was reached from to X-Forwarded-For, so the
    client's is that many places from the right; anything further left was written by the client and is ignored.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [address.strip() for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [address for address in forwarded if address]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def locked_out(request, original_response=None, credentials=None):
    """The admin's page for a sign-in django-axes refused, in the admin's own frame."""
    context = {
        **admin.site.each_context(request),
        "title": "Sign-in paused",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": round(settings.AXES_COOLOFF_TIME.total_seconds() / 60),
        "username": (credentials or {}).get("username") or request.POST.get("username", ""),
    }
    return render(request, "admin/locked_out.html", context, status=429)
