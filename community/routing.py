"""WebSocket routes, mounted by cms/asgi.py behind the origin check and auth middleware."""

from django.urls import path

from .consumers import SpaceConsumer

websocket_urlpatterns = [
    path("ws/spaces/<id:space_id>/", SpaceConsumer.as_asgi()),
]
