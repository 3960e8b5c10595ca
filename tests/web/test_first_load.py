"""What a first visit costs on the wire: Mine oppgaver and every asset it names, under 200 KB
with the compression a browser asks for, and every asset kept by the browser afterwards."""

from __future__ import annotations

import re

from app.web import assets
from tests.helpers import Api, make_case
from tests.web.conftest import WebClient

ASSET = re.compile(r'(?:href|src)="(/app/static/[^"]+)"')


def test_the_first_load_of_mine_oppgaver_is_under_200_kb_and_assets_are_kept(
    web: WebClient, api: Api
) -> None:
    make_case(api)
    page = web.login("kari@test.example")
    paths = ASSET.findall(page.text)
    assert len(paths) >= 4  # three stylesheets and htmx
    total = len(page.content)
    for path in paths:
        answer = web.get(path, headers={"Accept-Encoding": "gzip"})
        assert answer.status_code == 200
        assert answer.headers["content-encoding"] == "gzip"
        assert "immutable" in answer.headers["cache-control"]
        total += answer.num_bytes_downloaded
    assert total < 200 * 1024, total


def test_an_asset_is_sent_as_it_is_to_a_client_that_takes_no_gzip(web: WebClient) -> None:
    path = assets.url("htmx.min.js")
    plain = web.get(path, headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200
    assert "content-encoding" not in plain.headers
    assert plain.headers["vary"] == "Accept-Encoding"
    assert plain.content == (assets.STATIC / "htmx.min.js").read_bytes()
