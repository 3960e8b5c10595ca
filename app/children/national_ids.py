"""The keyed hash of a national identity number, which the database's unique index is built on.

A unique violation's message names the key columns and their values, and PostgreSQL writes it
to its server log (``DETAIL: Key (service_id, national_id_hash)=(…) already exists.``). With the
index on ``HMAC-SHA256(key, national_id)`` that line holds a hash: without the key (a setting,
never stored in the database) it cannot be turned back into the number, although every
possible number could be tried in seconds against a plain hash.
"""

from __future__ import annotations

import hashlib
import hmac

from app.config import get_settings


def national_id_hash(national_id: str, *, key: bytes) -> str:
    """The hex HMAC-SHA256 of ``national_id`` under ``key``. Never change it: the stored
    hashes, and the migration that hashed the numbers already stored (revision 970b5541b333),
    are this function's."""
    return hmac.new(key, national_id.encode("ascii"), hashlib.sha256).hexdigest()


def stored_hash(national_id: str | None) -> str | None:
    """The hash stored beside ``national_id``, under the configured key (None for None)."""
    if national_id is None:
        return None
    return national_id_hash(national_id, key=get_settings().national_id_hash_key())
