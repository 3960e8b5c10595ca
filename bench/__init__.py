"""Fosterflyt benchmarks: ``.venv/bin/python bench/run.py`` (see bench/README.md)."""
