"""The web app: server-rendered pages under ``/app/`` for contact persons, leaders and
supervisors. A second interface beside the JSON API: its pages call the same services and
flows, with the signed-in person's principal and an audit trail of their own (docs/web.md)."""
