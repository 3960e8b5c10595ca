"""The pure planning core: workflow definitions, versioned rule sets, durations, answer forms and
the engine that turns a definition and a placement's dates into dated tasks. No database, no
HTTP: every other package may import it, and it imports nothing of theirs."""
