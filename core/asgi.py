"""Django's HTTP handler with a fixed set of threads for the synchronous code of requests.

Django's ``ASGIHandler`` runs each request's synchronous part (sync middleware, views,
templates, the ORM) in a ``ThreadSensitiveContext`` of its own, and asgiref starts one new
thread for every such context. So every request under uvicorn started a thread and, the
database connection being per thread, opened a new connection to the database too (SQLite
then re-reads the schema on the first query). ``CONN_MAX_AGE`` could never apply, and a
logged-in page cost 1.7 times what the same page costs under WSGI.

Here a request borrows one of ``threads`` single-thread executors for its whole life (asgiref's
``ThreadSensitiveContext(executor=…)``, made for this), so threads and their connections
outlive the request, as they do under a WSGI server's thread pool. A request waits, without
blocking the event loop, while all of them are busy.

And the middleware chain is built synchronous, as ``WSGIHandler`` builds it, and entered
with one hop to that thread. Built for async, the chain switched between the event loop and
the thread at each middleware that is async-capable and the next that is not, and back
around the view: four or more hand-overs through a loop that is also serving every other
connection, for each request. The HTTP parsing, the request body, streaming and the
response stay on the loop, as in Django's handler.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core.handlers.asgi import ASGIHandler


class PooledThreadsASGIHandler(ASGIHandler):
    def __init__(self, *, threads: int):
        super().__init__()
        self.load_middleware(is_async=False)
        self._middleware_chain = sync_to_async(self._middleware_chain, thread_sensitive=True)
        self.threads = threads
        self._free: asyncio.Queue[ThreadPoolExecutor] | None = None

    def _executors(self) -> asyncio.Queue[ThreadPoolExecutor]:
        if self._free is None:
            free: asyncio.Queue[ThreadPoolExecutor] = asyncio.Queue()
            for number in range(self.threads):
                free.put_nowait(
                    ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"http-{number}")
                )
            self._free = free
        return self._free

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        free = self._executors()
        executor = await free.get()
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            free.put_nowait(executor)
