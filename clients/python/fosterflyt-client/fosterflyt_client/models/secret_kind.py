from enum import StrEnum


class SecretKind(StrEnum):
    API_KEY = "api_key"
    CALENDAR_FEED_URL = "calendar_feed_url"
    WEBHOOK_SIGNING_SECRET = "webhook_signing_secret"

    def __str__(self) -> str:
        return str(self.value)
