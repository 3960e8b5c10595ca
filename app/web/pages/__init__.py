"""The web app's pages, one module per area; each router is included by app/web/router.py."""
