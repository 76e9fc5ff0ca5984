from __future__ import annotations

import asyncio
import time

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from courses.selectors import site_search


def _database_status() -> dict:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # the health check reports, it never raises
        return {"ok": False, "vendor": connection.vendor, "error": exc.__class__.__name__}
    return {
        "ok": True,
        "vendor": connection.vendor,
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }


async def _channel_layer_status() -> dict:
    layer = get_channel_layer()
    if layer is None:
        return {"ok": False, "error": "not configured"}
    started = time.perf_counter()
    try:
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "health.ping"})
        message = await asyncio.wait_for(layer.receive(channel), timeout=2)
    except Exception as exc:  # the health check reports, it never raises
        return {"ok": False, "backend": layer.__class__.__name__, "error": exc.__class__.__name__}
    return {
        "ok": message.get("type") == "health.ping",
        "backend": layer.__class__.__name__,
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }


@never_cache
@require_GET
async def healthz(request):
    """Liveness and readiness in one: the database and the channel layer round-trip."""
    database = await sync_to_async(_database_status, thread_sensitive=True)()
    channel_layer = await _channel_layer_status()
    ok = database["ok"] and channel_layer["ok"]
    return JsonResponse(
        {
            "status": "ok" if ok else "degraded",
            "database": database,
            "channel_layer": channel_layer,
        },
        status=200 if ok else 503,
    )


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = site_search(query=query) if query else None
    page = None
    if results is not None:
        paginator = Paginator(results, 10)
        try:
            page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
    return render(request, "cms/search.html", {"query": query, "page": page})
