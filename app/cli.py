"""The ``fosterflyt`` command: serve, migrate, demo-data, token, schedule-sync, worker."""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.auth import mint_token
from app.config import get_settings
from app.principal import Grant, Principal, Role


def _engine() -> Engine:
    """An engine for commands that use the ORM, with every model registered, and the
    deadlines of a server (a frozen database fails a command instead of hanging it)."""
    import app.models  # noqa: F401  (mappers need every table to resolve foreign keys)
    from app.db import engine_for

    return engine_for(get_settings())


def _migrate(_args: argparse.Namespace) -> int:
    """Upgrade as FOSTERFLYT_MIGRATION_DATABASE_URL's role (FOSTERFLYT_DATABASE_URL's unless
    set), then grant the app's role what it needs if it is another one."""
    from app.migrations import RoleSetupError, migrate

    settings = get_settings()
    try:
        grants = migrate(settings.sqlalchemy_migration_url, settings.sqlalchemy_url)
    except RoleSetupError as error:
        print(f"fosterflyt migrate: {error}", file=sys.stderr)
        return 2
    print("Database migrated to the latest revision.", file=sys.stderr)
    if grants is not None:
        print(
            f"Role {grants.app_role} may read and write rows of {len(grants.row_tables)} tables "
            f"and only read and insert in {', '.join(grants.append_only_tables)} "
            f"(owned by {grants.owner}).",
            file=sys.stderr,
        )
    elif settings.sqlalchemy_migration_url.startswith("postgresql"):
        print(
            "The app connects as the owner of the tables, so it could switch off the audit "
            "trail's triggers: give FOSTERFLYT_MIGRATION_DATABASE_URL another role (SECURITY.md).",
            file=sys.stderr,
        )
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    host, port = args.host or settings.host, args.port or settings.port
    base = f"http://{host}:{port}"
    print(f"Fosterflyt on {base}  (docs: {base}/docs, web app: {base}/app/)", file=sys.stderr)
    # The app takes the client address from X-Forwarded-For itself, and only from the trusted
    # proxies (app/ratelimit.py); uvicorn would otherwise trust any loopback peer's header. It
    # keeps the scheme: X-Forwarded-Proto from the same proxies.
    proxies = ",".join(str(network) for network in settings.trusted_proxies)
    uvicorn.run(
        "app.main:app",
        host=host,
        port=port,
        log_config=None,
        access_log=False,
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
    )
    return 0


def _grant(text: str) -> tuple[uuid.UUID, Grant]:
    """``SERVICE:ROLE[:STAFF]`` from ``--grant``."""
    service, role, *staff = text.split(":")
    if len(staff) > 1:
        raise ValueError(f"--grant {text}: use SERVICE:ROLE[:STAFF]")
    return uuid.UUID(service), Grant(Role(role), uuid.UUID(staff[0]) if staff else None)


def _token(args: argparse.Namespace) -> int:
    try:
        if args.grant:
            if args.role or args.service or args.staff:
                raise ValueError("--grant replaces --role, --service and --staff")
            grants = dict(_grant(g) for g in args.grant)
            if len(grants) != len(args.grant):
                raise ValueError("each service may be granted once")
            print(
                mint_token(
                    get_settings(),
                    grants=grants,
                    subject=args.subject,
                    scopes=args.scope or None,
                    ttl_seconds=args.ttl,
                )
            )
            return 0
        if not args.role:
            raise ValueError("give --role (with --service) or --grant")
        token = mint_token(
            get_settings(),
            role=Role(args.role),
            subject=args.subject,
            service_ids=[uuid.UUID(s) for s in args.service],
            staff_id=uuid.UUID(args.staff) if args.staff else None,
            scopes=args.scope or None,
            ttl_seconds=args.ttl,
        )
    except ValueError as error:
        print(f"fosterflyt token: {error}", file=sys.stderr)
        return 2
    print(token)
    return 0


# A well-formed organisation number kept for the demo service; `demo-data` runs once per database.
DEMO_ORG = "921000006"


def _demo_data(_args: argparse.Namespace) -> int:
    """Create (once) a demo service with staff, a child, a foster home and a placement."""
    from app.audit.trail import Action, Actor, AuditTrail
    from app.children.schemas import ChildCreate
    from app.children.service import create_child
    from app.flows import register_placement
    from app.foster_homes.schemas import FosterHomeCreate
    from app.foster_homes.service import create_foster_home
    from app.placements.schemas import PlacementCreate
    from app.services.models import Service
    from app.services.schemas import ServiceCreate
    from app.services.service import create_service
    from app.staff.models import Staff
    from app.staff.schemas import StaffCreate
    from app.staff.service import create_staff

    settings = get_settings()
    engine = _engine()
    with Session(engine) as session, session.begin():
        service = session.scalar(select(Service).where(Service.org_number == DEMO_ORG))
        if service is None:
            admin = Principal.single("demo-admin", Role.ADMIN, (), ())
            service = create_service(
                session,
                data=ServiceCreate(
                    name="Demo barneverntjeneste",
                    org_number=DEMO_ORG,
                    municipality_numbers=["3201", "3203"],
                ),
            )
            leader_p = Principal.single("demo-leader", Role.LEADER, {service.id}, ())
            # The demo's rows are case data like any other: their creation is in the trail.
            created = AuditTrail(session, Actor(leader_p, operation="cli:demo-data"), Action.CREATE)
            create_staff(
                session,
                admin,
                service_id=service.id,
                data=StaffCreate(
                    name="Lene Leder",
                    email="lene.leder@demo.example",
                    role="leader",
                ),
            )
            contact = create_staff(
                session,
                admin,
                service_id=service.id,
                data=StaffCreate(
                    name="Kari Kontakt",
                    email="kari.kontakt@demo.example",
                    role="contact_person",
                ),
            )
            child = create_child(
                session,
                leader_p,
                service_id=None,
                data=ChildCreate(
                    given_name="Emma",
                    family_name="Eksempel",
                    birth_date=date(2016, 3, 14),
                ),
                audit=created,
            )
            home = create_foster_home(
                session,
                leader_p,
                service_id=None,
                data=FosterHomeCreate(
                    name="Familien Fjord",
                    kind="ordinary",
                    foster_parents=[{"name": "Ola Fjord"}, {"name": "Siri Fjord"}],
                    address={
                        "street_address": "Fjordveien 1",
                        "postal_code": "1337",
                        "postal_place": "Sandvika",
                    },
                    municipality_number="3201",
                    approved_date=date(2025, 12, 1),
                ),
                audit=created,
            )
            register_placement(
                session,
                leader_p,
                data=PlacementCreate(
                    child_id=child.id,
                    foster_home_id=home.id,
                    contact_person_id=contact.id,
                    start_date=date(2026, 1, 5),
                    legal_basis="care_order",
                    agreement_end_date=date(2029, 1, 4),
                ),
                audit=created,
            )
            _more_demo_cases(session, admin, leader_p, service.id, contact.id, created)
        contact_id = session.scalar(
            select(Staff.id).where(
                Staff.service_id == service.id, Staff.email == "kari.kontakt@demo.example"
            )
        )
        service_id = service.id
    engine.dispose()
    tokens = {
        "integration": mint_token(settings, role=Role.INTEGRATION, service_ids=[service_id]),
        "leader": mint_token(settings, role=Role.LEADER, service_ids=[service_id]),
        "contact_person": mint_token(
            settings, role=Role.CONTACT_PERSON, service_ids=[service_id], staff_id=contact_id
        ),
        "admin": mint_token(settings, role=Role.ADMIN),
    }
    print(json.dumps({"service_id": str(service_id), "tokens": tokens}, indent=2))
    return 0


def _more_demo_cases(
    session: Session,
    admin: Principal,
    leader: Principal,
    service_id: uuid.UUID,
    contact_id: uuid.UUID,
    audit: Any,
) -> None:
    """A second contact person, a foster-home supervisor, and two more children: one who moved
    three weeks ago (the first weeks' follow-up is due now) and one in a kinship home for
    more than a year (some of it overdue), so every page of the web app has something to show."""
    from app.children.schemas import ChildCreate
    from app.children.service import create_child
    from app.clock import today
    from app.flows import register_placement
    from app.foster_homes.schemas import FosterHomeCreate
    from app.foster_homes.service import create_foster_home
    from app.placements.schemas import PlacementCreate
    from app.staff.schemas import StaffCreate
    from app.staff.service import create_staff

    def person(name: str, email: str, role: str) -> uuid.UUID:
        data = StaffCreate(name=name, email=email, role=role)
        return create_staff(session, admin, service_id=service_id, data=data).id

    per = person("Per Pedersen", "per.pedersen@demo.example", "contact_person")
    supervisor = person("Sigrid Veileder", "sigrid.veileder@demo.example", "supervisor")
    on = today()
    cases = [
        (
            "Jonas",
            "Berg",
            date(2019, 8, 2),
            "Familien Lien",
            "ordinary",
            contact_id,
            21,
            "voluntary",
        ),
        ("Sara", "Holm", date(2012, 5, 30), "Familien Holm", "kinship", per, 420, "care_order"),
    ]
    for given, family, born, home_name, kind, follower, days_ago, basis in cases:
        child = create_child(
            session,
            leader,
            service_id=None,
            data=ChildCreate(given_name=given, family_name=family, birth_date=born),
            audit=audit,
        )
        surname = home_name.split()[-1]
        home = create_foster_home(
            session,
            leader,
            service_id=None,
            data=FosterHomeCreate(
                name=home_name,
                kind=kind,
                foster_parents=[{"name": f"Anne {surname}"}, {"name": f"Knut {surname}"}],
                address={
                    "street_address": "Lia 4",
                    "postal_code": "1540",
                    "postal_place": "Vestby",
                },
                municipality_number="3203",
                approved_date=on - timedelta(days=days_ago + 30),
            ),
            audit=audit,
        )
        start = on - timedelta(days=days_ago)
        register_placement(
            session,
            leader,
            data=PlacementCreate(
                child_id=child.id,
                foster_home_id=home.id,
                contact_person_id=follower,
                supervisor_id=supervisor,
                start_date=start,
                legal_basis=basis,
                care_order_date=start - timedelta(days=10) if basis == "care_order" else None,
                agreement_end_date=start + timedelta(days=3 * 365),
            ),
            audit=audit,
        )


def _schedule_sync(_args: argparse.Namespace) -> int:
    """Roll every running workflow's plan forward; run it daily (cron or the worker)."""
    from app.workflows.service import sync_all

    engine = _engine()
    with Session(engine) as session:
        counts = sync_all(session, actor="fosterflyt schedule-sync")
        session.commit()
    engine.dispose()
    print(json.dumps(counts))
    return 0


def _worker(args: argparse.Namespace) -> int:
    """Deliver webhooks and raise due-soon/overdue events: once, or until SIGTERM/SIGINT."""
    import signal
    import threading

    from app.logging import configure_logging
    from app.worker import run_forever, run_once

    settings = get_settings()
    configure_logging(settings.log_level)
    engine = _engine()
    try:
        if args.once:
            report = run_once(engine, settings)
            print(
                json.dumps(
                    {
                        "notices": report.notices,
                        "fanned_out": report.fanned_out,
                        "delivered": report.delivered,
                        "failed": report.failed,
                    }
                )
            )
            return 0
        stop = threading.Event()

        def _stop(_signum: int, _frame: object) -> None:
            stop.set()  # the attempt in flight finishes (within its attempt deadline), then we exit

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        print("Fosterflyt worker running (SIGTERM or Ctrl-C stops it).", file=sys.stderr)
        run_forever(engine, settings, stop)
        return 0
    finally:
        engine.dispose()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fosterflyt", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the API server (uvicorn)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(func=_serve)

    sub.add_parser("migrate", help="apply database migrations").set_defaults(func=_migrate)
    sub.add_parser("demo-data", help="create a demo service and print dev tokens").set_defaults(
        func=_demo_data
    )

    sub.add_parser(
        "schedule-sync", help="recalculate running workflows (horizon, new rule set)"
    ).set_defaults(func=_schedule_sync)

    worker = sub.add_parser(
        "worker", help="deliver webhooks and raise due-soon/overdue events (loops until stopped)"
    )
    worker.add_argument("--once", action="store_true", help="do what is due now, then exit")
    worker.set_defaults(func=_worker)

    token = sub.add_parser("token", help="print a signed development token")
    token.add_argument("--role", choices=[r.value for r in Role])
    token.add_argument(
        "--grant",
        action="append",
        default=[],
        metavar="SERVICE:ROLE[:STAFF]",
        help="a role in one service (repeat for a person with different roles in different "
        "services); replaces --role, --service and --staff",
    )
    token.add_argument("--service", action="append", default=[], metavar="ID")
    token.add_argument("--staff", metavar="ID")
    token.add_argument("--scope", action="append", metavar="SCOPE")
    token.add_argument("--subject", help="the token's sub (default: dev-<role>)")
    token.add_argument("--ttl", type=int, help="lifetime in seconds")
    token.set_defaults(func=_token)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
