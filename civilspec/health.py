"""A liveness check for load balancers: answers without touching the database, so it also marks the
floor a page can be measured against (the benchmark's "trivial view")."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def health(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
