"""The ASGI entry point: HTTP to Django, WebSockets through origin and auth checks.

Django's ASGI app is built first so the app registry is ready before any consumer
module (which imports models) is loaded.
"""

import gc
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
django.setup(set_prefix=False)

from django.conf import settings  # noqa: E402

from core.asgi import PooledThreadsASGIHandler  # noqa: E402

django_asgi_app = PooledThreadsASGIHandler(threads=settings.HTTP_THREADS)

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from community.routing import websocket_urlpatterns  # noqa: E402

# Everything imported so far lives for the whole process: move it out of the garbage
# collector's sight so full collections (which paused large pages by 100 ms+) stay short.
gc.collect()
gc.freeze()

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
