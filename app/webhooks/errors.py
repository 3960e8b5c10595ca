"""The webhooks' own problems."""

from __future__ import annotations

from app.errors import ValidationFailed


class WebhookUrlRefused(ValidationFailed):
    slug, title = "webhook-url-refused", "The webhook URL may not be used"
