""" "Do I qualify?": the checker on a class's page and as JSON, and across the catalogue.

Nothing here writes or keeps a profile: it is read from the request, evaluated, and shown once.
Responses carry `Cache-Control: no-store, private` so no shared cache keeps a result, and the
profile travels in POST bodies (never in addresses, which servers log).
"""

import json

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from classes.models import Jurisdiction, Version
from classes.vocabulary import PathKind

from .answers import answer_json, questions_json
from .catalogue import CATALOGUE_QUESTIONS, page_of_matches
from .checker import OUTCOME_LABELS, evaluate, overall
from .forms import profile_forms
from .profile import ProfileError, read_profile
from .rules import Rules

NOTICE = (
    "A screening aid only: the civil service commission decides who meets the minimum qualifications, "
    "after reviewing your application."
)
RESULTS_PER_PAGE = 25
LAST_PAGE = 400  # each page evaluates the candidates before it: a reader narrows the search long before this


def page_number(value):
    return (
        min(int(value), LAST_PAGE) if value.isascii() and value.isdigit() and 0 < len(value) < 5 and int(value) else 1
    )


def private(view):
    """A view whose requests hold a profile: never cached, its POST data hidden from error reports, and
    exempt from CSRF because it changes nothing (a forged request can only show its sender a result)."""
    return csrf_exempt(never_cache(sensitive_post_parameters()(require_http_methods(["GET", "POST"])(view))))


@private
def check(request, jurisdiction_slug, class_slug):
    version = get_object_or_404(Version.objects.current().for_display().of_class(jurisdiction_slug, class_slug))
    rules = Rules.from_version(version)
    questions = rules.questions()
    if request.method == "POST" and request.content_type == "application/json":
        return check_json(request, version, rules, questions)
    if request.GET.get("format") == "json":
        return JsonResponse({**version_json(version), "questions": questions_json(questions)})

    posted = request.POST if request.method == "POST" else None
    form, jobs = profile_forms(questions, posted)
    examination, results, status = None, None, 200
    if posted is not None and "add_job" not in posted:
        if form.is_valid() and jobs.is_valid():
            profile = read_profile(form.profile_data(jobs), questions)
            results, examination = evaluate(rules, profile), rules.examination(profile.examination)
        else:
            status = 400
    context = {
        "version": version,
        "job_class": version.job_class,
        "questions": questions,
        "definitions": rules.definitions,
        "form": form,
        "jobs": jobs,
        "results": results,
        "examination_label": PathKind(examination).label if examination else "",
        "outcome": overall(results, examination) if results is not None else None,
        "outcome_labels": OUTCOME_LABELS,
        "notice": NOTICE,
    }
    return render(request, "qualifications/check.html", context, status=status)


def check_json(request, version, rules, questions):
    try:
        data = json.loads(request.body)
    except RequestDataTooBig:
        return JsonResponse({"errors": ["The body is too large to be a profile."]}, status=400)
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"errors": ["The body is not valid JSON."]}, status=400)
    except RecursionError:  # arrays or objects nested a thousand deep: no profile is shaped so
        return JsonResponse({"errors": ["The body nests too deeply to be a profile."]}, status=400)
    try:
        profile = read_profile(data, questions)
    except ProfileError as error:
        return JsonResponse({"errors": error.messages}, status=400)
    return JsonResponse(
        {**version_json(version), "notice": NOTICE, **answer_json(rules, evaluate(rules, profile), profile)}
    )


def version_json(version):
    return {
        "class": version.job_class.title,
        "jurisdiction": version.job_class.jurisdiction.name,
        "version": version.number,
        "adopted_on": version.adopted_on.isoformat() if version.adopted_on else None,
        "url": version.job_class.get_absolute_url(),
    }


@private
def qualify(request):
    """From one profile, the current classes whose open-competitive paths it appears to meet."""
    posted = request.POST if request.method == "POST" else None
    form, jobs = profile_forms(CATALOGUE_QUESTIONS, posted)
    jurisdictions = Jurisdiction.objects.order_by("name")
    jurisdiction_slug = (posted or request.GET).get("jurisdiction", "")
    jurisdiction = next((j for j in jurisdictions if j.slug == jurisdiction_slug), None)
    page, status = None, 200
    if posted is not None and "add_job" not in posted:
        if form.is_valid() and jobs.is_valid() and (jurisdiction or not jurisdiction_slug):
            profile = read_profile(form.profile_data(jobs))
            number = page_number(posted.get("page", ""))
            matches, more = page_of_matches(
                profile, jurisdiction=jurisdiction, number=number, per_page=RESULTS_PER_PAGE
            )
            first = (number - 1) * RESULTS_PER_PAGE + 1
            page = {
                "matches": matches,
                "number": number,
                "first": first,
                "last": first + len(matches) - 1,
                "more": more,
            }
        else:
            status = 400
    context = {
        "form": form,
        "jobs": jobs,
        "questions": CATALOGUE_QUESTIONS,
        "jurisdictions": jurisdictions,
        "jurisdiction_slug": jurisdiction_slug,
        "unknown_jurisdiction": bool(jurisdiction_slug and not jurisdiction),
        "page": page,
        "notice": NOTICE,
    }
    return render(request, "qualifications/qualify.html", context, status=status)
