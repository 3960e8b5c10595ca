"""Security headers for the pages: a Content-Security-Policy with a fresh nonce per response
and no ``unsafe-inline``, no framing, nothing loaded from another origin.

A pure ASGI middleware in front of ``/app/``: it puts the nonce in the request's state (the
templates give it to their one script tag) and adds the policy to whatever the page answers,
error pages included."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PREFIX = "/app"


def policy(nonce: str, form_targets: str = "") -> str:
    """The page's policy. ``form_targets``: origins a form may lead to besides our own (the
    identity provider, for signing in and out)."""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self'",
            # Designsystemet draws its icons as data: SVGs in the stylesheet.
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            f"form-action 'self'{' ' + form_targets if form_targets else ''}",
            "frame-ancestors 'none'",
            "base-uri 'none'",
        ]
    )


class PageSecurity:
    """``form_targets``: the origins, or a function giving them now (the identity provider's
    endpoints are known once its discovery document has been read)."""

    def __init__(self, app: ASGIApp, *, form_targets: str | Callable[[], str] = "") -> None:
        self.app = app
        self.form_targets = form_targets

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or not (path == PREFIX or path.startswith(PREFIX + "/")):
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["csp_nonce"] = nonce
        targets = self.form_targets() if callable(self.form_targets) else self.form_targets
        header = policy(nonce, targets).encode()

        async def send_with_policy(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", []))
                headers.append((b"content-security-policy", header))
                # Our own forms must say where they come from (Origin): under no-referrer a
                # browser sends "Origin: null". Nothing is sent to other sites.
                headers.append((b"referrer-policy", b"same-origin"))
                headers.append((b"cross-origin-opener-policy", b"same-origin"))
                headers.append((b"cross-origin-resource-policy", b"same-origin"))
                headers.append((b"permissions-policy", b"camera=(), microphone=(), geolocation=()"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_policy)
