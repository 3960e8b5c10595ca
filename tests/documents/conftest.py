from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.documents.crafted import Listener


@pytest.fixture
def listener() -> Iterator[Listener]:
    """A loopback HTTP server recording what is asked of it: an attack's target."""
    server = Listener()
    yield server
    server.close()
