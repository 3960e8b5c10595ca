"""Fosterflyt: foster-care follow-up for Norwegian child welfare services."""
