"""WebSocket routes. The community issue adds /ws/spaces/<space_id>/ here."""

websocket_urlpatterns: list = []
