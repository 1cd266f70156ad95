from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .access import get_buurt_for_user
from .models import Buurt
from .progress import step_overview


@login_required
@require_GET
def home(request):
    buurten = list(Buurt.objects.for_user(request.user).order_by("naam"))
    if len(buurten) == 1:
        return redirect(buurten[0])
    return render(request, "buurt/buurt_list.html", {"buurten": buurten})


@login_required
@require_GET
def dashboard(request, slug):
    buurt = get_buurt_for_user(request, slug)
    return render(
        request,
        "buurt/buurt_dashboard.html",
        {"buurt": buurt, "steps": step_overview(buurt)},
    )


@never_cache
@require_GET
def health(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
