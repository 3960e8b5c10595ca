"""Serve an ASGI app exactly as ``fosterflyt serve`` serves ``app.main:app`` (app/cli.py): the
same ``uvicorn.run`` call, so floors and service differ only in the application.

    python -m bench.serve bench.floors:starlette_app --port 8001
"""

from __future__ import annotations

import argparse

import uvicorn

from app.config import get_settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("app", help="module:attribute of the ASGI app")
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    args = parser.parse_args()
    settings = get_settings()
    host, port = args.host or settings.host, args.port or settings.port
    uvicorn.run(args.app, host=host, port=port, log_config=None, access_log=False)


if __name__ == "__main__":
    main()
