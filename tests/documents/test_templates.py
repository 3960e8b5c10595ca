"""The shipped template catalogue: every template fills from a case, leaves no Jinja behind,
marks missing values in drafts, agrees with the data dictionary and the workflows, and opens in
LibreOffice. Pure: no database, no HTTP."""

from __future__ import annotations

import copy
import io
import json
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest

from app.documents.catalogue import TEMPLATE_DIR, load_templates
from app.documents.dictionary import known
from app.documents.filling import GAP, render, template_fields
from app.planning.definitions import load_catalogue

MANIFEST = json.loads((TEMPLATE_DIR / "manifest.json").read_text(encoding="utf-8"))
ENTRIES = MANIFEST["templates"]
KEYS = [entry["key"] for entry in ENTRIES]

TIDSLINJE = [
    {
        "tittel": "Oppfølgingsbesøk i fosterhjemmet",
        "frist": "15.01.2026",
        "status": "Åpen",
        "ansvarlig": "Siri Saksbehandler",
        "rolle": "Kontaktperson",
        "arbeidsflyt": "oppfolgingsbesok",
    },
    {
        "tittel": "Time 3: Tilknytning og tilhørighet",
        "frist": "02.02.2026",
        "status": "Åpen",
        "ansvarlig": "Siri Saksbehandler",
        "rolle": "Kontaktperson",
        "arbeidsflyt": "en-god-start",
    },
    {
        "tittel": "Tilsynsbesøk og tilsynsrapport",
        "frist": "20.02.2026",
        "status": "Åpen",
        "ansvarlig": "Siri Saksbehandler",
        "rolle": "Kontaktperson",
        "arbeidsflyt": "tilsyn",
    },
    {
        "tittel": "Time 4: Avvisning",
        "frist": "02.03.2026",
        "status": "Åpen",
        "ansvarlig": "Siri Saksbehandler",
        "rolle": "Kontaktperson",
        "arbeidsflyt": "en-god-start",
    },
    {
        "tittel": "Leders beslutning etter vurderingen",
        "frist": "15.04.2026",
        "status": "Åpen",
        "ansvarlig": "Leder",  # nobody is assigned: the role stands in for the name
        "rolle": "Leder",
        "arbeidsflyt": "vurderingstrakt",
    },
    {
        "tittel": "Oppfølgingssamtale med foreldrene",
        "frist": "11.05.2026",
        "status": "Åpen",
        "ansvarlig": "Siri Saksbehandler",
        "rolle": "Kontaktperson",
        "arbeidsflyt": "oppfolging-foreldre",
    },
]
HISTORIKK = [
    {"tittel": "Time 1: Den nye familien", "frist": "02.12.2025", "fullfort": "01.12.2025"},
    {
        "tittel": "Time 2: Samarbeid med barnets familie",
        "frist": "02.01.2026",
        "fullfort": "05.01.2026",
    },
]

# The answers of each step that produces a document; multi-line text and "&" on purpose.
SVAR: dict[tuple[str, str], dict[str, Any]] = {
    ("samtale-andre-barn", "samtale_andre_barn"): {
        "dato": "12.11.2025",
        "barna": "Jonas (13) og Sara (7), hver for seg",
        "oppsummering": "Sara savner tid alene med mor. Jonas trives og vil gjerne ha mer ansvar.",
    },
    ("arlig-evaluering", "evaluering"): {
        "dato": "10.11.2025",
        "oppdraget": "Familien har funnet en god rytme.\nDe ønsker mer avlastning i feriene.",
        "barnets_situasjon": "Emma trives på skolen & har fått en bestevenn.",
        "samarbeid": "Samarbeidet med tjenesten er godt; samværene går roligere nå.",
        "behov_for_stotte": "Gruppeveiledning fra våren og kurs i traumebevisst omsorg.",
        "oppdraget_videre": "fortsetter",
        "begrunnelse": "Oppdraget fungerer godt for både barnet og familien.",
    },
    ("vurderingstrakt", "beslutning"): {
        "begrunnelse": "Foreldrene har ikke vist varig endring, men arbeidet fortsetter.",
    },
    ("oppfolging-foreldre", "oppfolgingssamtale"): {
        "dato": "03.11.2025",
        "foreldrene_deltok": "Ja",
        "notat": "Mor forteller at hun har fått ny leilighet og går i behandling.",
        "avtaler": "Ny samtale i mai; kontaktpersonen sender referat innen en uke.",
    },
    ("oppfolgingsbesok", "besok"): {
        "besoksdato": "14.10.2025",
        "snakket_med_barnet_alene": "Ja",
        "barnets_mening": "«Jeg liker rommet mitt, men savner katten hjemme.»",
        "vurdering": "Emma virker trygg i fosterhjemmet og har god kontakt med fosterfar.",
    },
    ("tilsyn", "gjennomgang_tilsynsrapport"): {
        "vurdering": "Rapporten bekrefter at Emma har det godt og snakket fritt med tilsynsfører.",
        "oppfolging_nodvendig": "Nei",
        "tiltak": "Ingen tiltak; rapporten drøftes på neste oppfølgingsbesøk.",
    },
    ("samvaer", "plan_for_samvaer"): {
        "dato": "20.11.2025",
        "barnets_mening": "«Jeg vil treffe mamma, men ikke så lenge om gangen.»",
        "foreldrenes_synspunkter": "Mor ønsker samvær hjemme & oftere enn nemnda bestemte.",
        "fosterforeldrenes_synspunkter": "Fosterforeldrene kjører og henter.",
    },
    ("samvaersrapport", "gjennomgang_rapport"): {
        "vurdering": "Samværet gikk rolig; mor var godt forberedt.\nEmma var trøtt etterpå.",
        "barnets_reaksjoner": "Emma var stille på vei hjem, men sov godt.",
        "oppfolging_nodvendig": "Nei",
        "tiltak": "Ingen; rapporten drøftes med mor i neste samtale.",
        "gjennomgatt_med_foreldrene": "Ja",
    },
    ("en-god-start", "okt_2_samarbeid_med_barnets_familie"): {
        "dato": "02.01.2026",
        "notat": "Fosterforeldrene snakket om hvordan de omtaler mor når Emma hører på.",
        "oppgave": "Legg merke til hvordan Emma reagerer etter samvær.",
    },
    ("godkjenning-slekt-nettverk", "sjekkliste_akutt"): {
        "gjennomgatt_dato": "03.11.2025",
        "merknad": "Politiattest for fosterfar er bestilt.",
    },
    ("godkjenning-slekt-nettverk", "godkjenning"): {
        "vedtaksdato": "10.12.2025",
        "besluttet_av": "Lise Leder",
        "vilkar": "Veiledning hver måned det første året.",
    },
}
# The P3/P6 catalogue's templates (rammefortelling, flow chart, Veien videre calendar).
SVAR[("veien-videre", "samtale_1_samarbeid")] = {
    "dato": "05.01.2026",
    "notat": "Mor vil gjerne vite mer om skolen.",
}
RAMMEFORTELLING = {
    "deler": [
        {
            "nokkel": "min_historie",
            "tittel": "Min historie",
            "veiledning": "Fortell barnets historie fra begynnelsen.",
            "tekst": "Emma ble født i Bergen i 2015.\nHun bodde hos mor til hun var ni år.",
            "versjon": 2,
            "skrevet": "03.11.2025",
            "skrevet_av": "Siri Saksbehandler",
        },
        {
            "nokkel": "det_jeg_er_god_til",
            "tittel": "Det jeg er god til",
            "veiledning": "Skriv om barnets ressurser.",
            "tekst": "Fotball & tegning.",
            "versjon": 1,
            "skrevet": "10.11.2025",
            "skrevet_av": "journalsystemet",
        },
        {
            "nokkel": "familien_min",
            "tittel": "Familien min",
            "veiledning": "Skriv om familien.",
            "tekst": "",
            "versjon": 0,
            "skrevet": None,
            "skrevet_av": None,
        },
    ],
    "sist_skrevet": "10.11.2025",
}
FLYTSKJEMA = {
    "for_flyttingen": [],
    "forste_maaneder": [
        {
            "arbeidsflyt": "Omsorgspakken",
            "steg": [
                {
                    "tittel": "Barnet: kontakt de første dagene",
                    "naar": "Tre dager etter flyttingen",
                    "grunnlag": "Tjenestens rutine (arbeidsflytens plan)",
                    "merke": "R",
                }
            ],
        }
    ],
    "hvert_aar": [
        {
            "arbeidsflyt": "Oppfølgingsbesøk i fosterhjemmet",
            "steg": [
                {
                    "tittel": "Oppfølgingsbesøk i fosterhjemmet",
                    "naar": "Tre måneder etter flyttingen, deretter hver tredje måned",
                    "grunnlag": "Lov eller forskrift",
                    "merke": "L",
                }
            ],
        }
    ],
    "ved_behov": [],
    "ved_slutt": [],
    "arbeidsflyter": [
        {
            "tittel": "Oppfølgingsbesøk i fosterhjemmet",
            "program": "Barnevernsloven",
            "hjemmel": "Barnevernsloven § 9-6",
            "status": "Går",
        }
    ],
    "regler": [
        {
            "tekst": "Minst fire oppfølgingsbesøk i året",
            "grunnlag": "Lov eller forskrift",
            "kilde": "Fosterhjemsforskriften (2024)",
            "kontrollert": "Ikke ennå",
        }
    ],
    "regelsett": "Barnevernsloven og fosterhjemsforskriften (2024), versjon 1",
}
VEIEN_VIDERE = [
    {
        "nummer": n,
        "tittel": f"Samtale {n}: {theme}",
        "tema": theme,
        "dato": f"0{n}.0{n}.2026",
        "dag": f"mandag {n}. januar 2026",
        "holdt": False,
    }
    for n, theme in enumerate(
        ("Samarbeid", "Vi er fortsatt foreldre, og samvær", "Tilknytning", "Hvorfor"), start=1
    )
]
SVAR[("omsorgsplan", "oppfolgingsplan_foreldre")] = {
    "dato": "20.11.2025",
    "endringer": "Mor ønsker samtalene hver for seg fra nå av; far har fått støtteperson.",
}
SVAR[("omsorgsplan", "gjennomgang")] = {
    "dato": "02.05.2026",
    "barnet_deltok": "Ja",
    "foreldrene_deltok": "Nei",
    "fosterhjemmet_deltok": "Ja",
    "barnets_synspunkter": "Emma vil bo her og se mamma oftere.",
    "vurdering": "Planen står ved lag; samværet økes fra sommeren.",
}
PLANER = {
    "omsorgsplan": {
        "tittel": "Omsorgsplan (foreløpig)",
        "vedtatt": "25.10.2025",
        "gjelder_til": None,
        "sammendrag": "Emma skal bo i fosterhjemmet mens foreldrene får hjelp.",
        "revisjon": 1,
        "barnet_deltok": "Ja",
        "foreldrene_deltok": "Ja",
        "fosterhjemmet_deltok": "Nei",
        "deltok": "barnet og foreldrene",
        "medvirkning": "Emma ble hørt i egen samtale.",
        "gjennomganger": [],
        "siste_gjennomgang": None,
    },
    "tiltaksplan": None,
    "oppfolgingsplan": None,
    "oppfolgingsplan_foreldre": {
        "tittel": "Oppfølgingsplan for foreldrene",
        "vedtatt": "20.11.2025",
        "gjelder_til": None,
        "sammendrag": "Foreldrene får samtaler to ganger i året, samvær hver tredje uke & "
        "hjelp til å finne bolig.",
        "revisjon": 2,
        "barnet_deltok": "Nei",
        "foreldrene_deltok": "Ja",
        "fosterhjemmet_deltok": "Nei",
        "deltok": "foreldrene",
        "medvirkning": None,
        "gjennomganger": [],
        "siste_gjennomgang": None,
    },
}
EKSTRA = {
    "tidspunkt": "12.03.2026 kl. 10.00–11.30",
    "sted": "Barneverntjenestens møterom 2",
    "svarfrist": "01.03.2026",
    "mottaker": "Foreldrene til Emma Eksempel",
    "mottaker_adresse": "Eksempelveien 1\n0001 Eksempelby",
    "referanse": "2025/1234",
    "besoksdato": "01.10.2025",
    "rapport_mottatt": "08.10.2025",
    "klokkeslett": "kl. 18.00–20.00",
    **{
        f"trinn_{n}_{part}": f"Trinn {n} {part}: tekst fra saksbehandler"
        for n in range(1, 6)
        for part in ("vurdering", "konklusjon")
    },
}
ORDNING = {
    "fastsatt_av": "Barneverns- og helsenemnda",
    "vedtaksdato": "15.10.2025",
    "referanse": "Sak 25-123456",
    "deltakere": "Lise Eksempel (mor) og Tom Eksempel (far)",
    "deltakere_barn": "mamma og pappa",
    "hyppighet": "hver tredje måned (fire ganger i året)",
    "forste_samvaer": "01.12.2025",
    "varighet": "to timer",
    "tilsyn": "Ja",
    "tilsynsperson": "Tilsynsperson fra barnevernstjenesten",
    "sted": "Familiens hus, Storgata 3",
    "minimum": "Minst fire samvær i året à to timer, med tilsyn.",
    "merknader": None,
    "avsluttet": None,
}
SAMVAER = {
    "ordning": ORDNING,
    "ordninger": [ORDNING],
    "planlagte": [
        {
            "dato": dato,
            "dato_tekst": tekst,
            "hvem": ORDNING["deltakere"],
            "hvem_barn": "mamma og pappa",
            "tilsyn": "Med tilsyn",
        }
        for dato, tekst in (
            ("01.12.2025", "mandag 1. desember 2025"),
            ("02.03.2026", "mandag 2. mars 2026"),
            ("01.06.2026", "mandag 1. juni 2026"),
            ("01.09.2026", "tirsdag 1. september 2026"),
        )
    ],
    "neste": {
        "dato": "01.12.2025",
        "dato_tekst": "mandag 1. desember 2025",
        "hvem": ORDNING["deltakere"],
        "hvem_barn": "mamma og pappa",
        "tilsyn": "Med tilsyn",
    },
    "antall_planlagte": 4,
    "siste": {"dato": "01.09.2025", "merknader": "Gikk fint."},
    "besok": [{"dato": "01.09.2025", "status": "Gjennomført", "avlyst_av": None, "arsak": None}],
    "rapport": {
        "mottatt": "03.09.2025",
        "skrevet_av": "Anne Berg, tilsynsperson",
        "sammendrag": "Samværet gikk rolig.",
        "samvaersdato": "01.09.2025",
    },
}
OPPGAVE = {
    ("vurderingstrakt", "beslutning"): {
        "tittel": "Beslutning om tilbakeføring",
        "frist": "20.11.2025",
        "utfall": "Fortsette arbeidet med gjenforening som mål",  # the API gives the label
    },
    ("en-god-start", "okt_2_samarbeid_med_barnets_familie"): {
        "tittel": "Time 2: Samarbeid med barnets familie",
        "frist": "02.01.2026",
        "utfall": None,
        "tema": "Samarbeid med barnets familie",
        "steg": 2,
        "antall_steg": 6,
    },
}

# The approval of the home for the child, shaped like context._approval(): an urgent move to
# the family's network, approved with conditions.
GODKJENNING: dict[str, Any] = {
    "akutt": "Ja",
    "frist": "13.12.2025",
    "regel_akutt": "Regel (lov eller forskrift): et fosterhjem i barnets familie eller nære "
    "nettverk som er tatt i bruk i en akuttsituasjon, godkjennes senest seks uker etter at "
    "barnet flyttet inn",
    "vurdert": "05.12.2025",
    "hjemmebesok": "02.11.2025",
    "opplaering": "PRIDE grunnopplæring",
    "opplaering_dato": "28.11.2025",
    "politiattester": [{"navn": "Kari Nordmann", "kontrollert": "20.11.2025"}],
    "politiattest_mangler": "Ola Nordmann",
    "avtale_underskrevet": "08.12.2025",
    "avtale_bufdir_mal": "Ja",
    "akuttvedtak_dato": "01.11.2025",
    "akuttvedtak_av": "Lise Leder, barnevernleder",
    "foreldre_informert": "01.11.2025",
    "rask_kontroll": "01.11.2025",
    "vedtaksdato": "10.12.2025",
    "besluttet_av": "Lise Leder",
    "utfall": "Godkjent med vilkår",
    "vilkar": "Veiledning hver måned det første året & kurs i traumebevisst omsorg.",
    "mangler_for_flytting": "politiattest, vedtak om godkjenning",
}


FORELDER = {
    "navn": "Lena Eksempel",
    "relasjon": "Mor",
    "telefon": "+47 912 34 567",
    "epost": "lena@example.no",
    "adresse": "Elvegata 4, 0003 Eksempelby",
    "foreldreansvar": "Ja",
    "onsker_oppfolging": "Ja",
    "takket_nei": None,
    "husstand": "Lena Eksempel",
    "bor_sammen_med": None,
}
ANNEN_FORELDER = {
    **FORELDER,
    "navn": "Jonas Eksempel",
    "relasjon": "Far",
    "adresse": None,
    "husstand": "Jonas Eksempel",
}


# The supervision around the placement (app/documents/supervision.py).
SUPERVISION: dict[str, Any] = {
    "tilsynsforer": {
        "navn": "Randi Haugen",
        "telefon": "+47 912 34 567",
        "epost": "randi.haugen@example.no",
        "oppnevnt": "20.10.2025",
        "politiattest_kontrollert": "18.10.2025",
        "kurs_fullfort": None,
        "avtale_signert": "22.10.2025",
    },
    # The same dates as EKSTRA: the report, when one is registered, gives what ekstra gave.
    "tilsynsrapport": {"besoksdato": "01.10.2025", "mottatt": "08.10.2025", "samtale_alene": "Ja"},
    "andre_barn": [
        {"navn": "Jonas", "fodselsar": 2012, "alder": "13 år", "relasjon": "Annet fosterbarn"},
        {
            "navn": "Sara",
            "fodselsar": 2018,
            "alder": "7 år i år",
            "relasjon": "Fosterforeldrenes barn",
        },
    ],
    "fosterhjemsveileder": {"navn": "Vegard Veileder", "epost": "vegard@eksempelby.kommune.no"},
}


AVREGNING_DEL = {
    "fast": "116\u00a0364 kr",
    "bruk": "96\u00a0000 kr",
    "antall": "5 plasser",
    "individuell": "115\u00a0000 kr",
    "timer": "100 timer",
    "sum": "327\u00a0364 kr",
}
AVREGNING = {
    "team": "Fosterhjemsteamet Øvre Romerike",
    "aar": 2027,
    "medlem": "Barneverntjenesten i Nannestad",
    "innbyggertall": "21\u00a0500",
    "andel": "19,46",
    "fast_prosent": 50,
    "bruksgrunnlag": "plasser",
    "timepris": "1\u00a0150 kr",
    "status": "Årsoppgjør 15.01.2028",
    "differanse": "−12\u00a0400 kr",
    "forelopig": AVREGNING_DEL,
    "oppgjor": {**AVREGNING_DEL, "sum": "314\u00a0964 kr"},
}


def case(entry: dict[str, Any]) -> dict[str, Any]:
    """A realistic context for the template, shaped like app.documents.context.build()."""
    step = next(((p["definition_key"], p["step_key"]) for p in entry["produced_by"]), None)
    if step is not None and step not in SVAR:
        step = next(s for s in SVAR if s[0] == step[0])
    oppgave = copy.deepcopy(OPPGAVE.get(step)) if step else None
    if step and oppgave is None:
        oppgave = {"tittel": "Oppgave", "frist": "01.12.2025", "utfall": None}
    return {
        "dato": "17.11.2025",
        "tjeneste": {"navn": "Eksempelby barneverntjeneste", "orgnr": "999888777"},
        "barn": {
            "fornavn": "Emma",
            "etternavn": "Eksempel",
            "fullt_navn": "Emma Eksempel",
            "fodselsdato": "15.10.2015",
            "alder": 10,
            "fodselsnummer": None,
        },
        "fosterhjem": {
            "navn": "Fosterhjemmet Bjørkely",
            "type": "Ordinært fosterhjem",
            "fosterforeldre": ["Kari Nordmann", "Ola Nordmann"],
            "fosterforeldre_tekst": "Kari Nordmann og Ola Nordmann",
            "adresse": "Bjørkeveien 3, 0002 Eksempelby",
            "kommunenummer": "0301",
        },
        "plassering": {
            "startdato": "01.11.2025",
            "sluttdato": None,
            "hjemmel": "Omsorgsovertakelse",
            "oppdragsavtale_slutt": "31.10.2028",
            "status": "Aktiv",
        },
        "kontaktperson": {"navn": "Siri Saksbehandler", "epost": "siri@eksempelby.kommune.no"},
        "oppgave": oppgave or {},
        "svar": dict(SVAR[step]) if step else {},
        "tidslinje": copy.deepcopy(TIDSLINJE),
        "foreldre_tidslinje": [
            t for t in copy.deepcopy(TIDSLINJE) if t["arbeidsflyt"] == "oppfolging-foreldre"
        ],
        "planer": copy.deepcopy(PLANER),
        "historikk": copy.deepcopy(HISTORIKK),
        "samvaer": copy.deepcopy(SAMVAER),
        "ekstra": dict(EKSTRA),
        "godkjenning": copy.deepcopy(GODKJENNING),
        "forelder": dict(FORELDER),
        "foreldre": [dict(FORELDER), dict(ANNEN_FORELDER)],
        "rammefortelling": copy.deepcopy(RAMMEFORTELLING),
        "flytskjema": copy.deepcopy(FLYTSKJEMA),
        "veien_videre": copy.deepcopy(VEIEN_VIDERE),
        "avregning": copy.deepcopy(AVREGNING),
        **copy.deepcopy(SUPERVISION),
    }


def template(entry: dict[str, Any]) -> bytes:
    return (TEMPLATE_DIR / entry["file"]).read_bytes()


def lookup(context: dict[str, Any], path: str) -> Any:
    value: Any = context
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _table_text(table: Any) -> Iterator[str]:
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                yield paragraph.text
            for inner in cell.tables:
                yield from _table_text(inner)


def texts(content: bytes) -> dict[str, str]:
    """The document's text read back with python-docx: body paragraphs, tables, headers and
    footers."""
    document = docx.Document(io.BytesIO(content))
    body = [p.text for p in document.paragraphs]
    tables = [t for table in document.tables for t in _table_text(table)]
    header: list[str] = []
    footer: list[str] = []
    for section in document.sections:
        for part, out in ((section.header, header), (section.footer, footer)):
            out += [p.text for p in part.paragraphs]
            out += [t for table in part.tables for t in _table_text(table)]
    return {
        "body": "\n".join(body),
        "tables": "\n".join(tables),
        "header": "\n".join(header),
        "footer": "\n".join(footer),
        "all": "\n".join(body + tables + header + footer),
    }


def xml_parts(content: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        }


@pytest.fixture(scope="module")
def filled() -> dict[str, bytes]:
    return {entry["key"]: render(template(entry), case(entry)) for entry in ENTRIES}


# --- the catalogue -------------------------------------------------------------------------


def test_the_manifest_loads_and_lists_every_template_file() -> None:
    catalogue = load_templates()
    assert sorted(e.key for e in catalogue.all_latest()) == sorted(KEYS)
    listed = {entry["file"] for entry in ENTRIES}
    on_disk = {path.name for path in TEMPLATE_DIR.glob("*.docx")}
    assert listed == on_disk
    for entry in ENTRIES:
        assert (TEMPLATE_DIR / entry["file"]).is_file()
        assert entry["file"] == f"{entry['key']}.v{entry['version']}.docx"
        assert entry["noark_document_type"]
        assert entry["public_title"]


def test_the_catalogue_templates_are_shipped() -> None:
    assert KEYS == [
        "arlig-evaluering",
        "vurdering-tilbakeforing",
        "oppfolgingssamtale-foreldre",
        "samtale-med-barnet",
        "gjennomgang-tilsynsrapport",
        "oppfolgingsplan",
        "oppfolgingsplan-foreldre",  # P6 9 (issue #14, plans)
        "informasjonsbrev-foreldre",
        "invitasjon-felles-samtale",
        "sjekkliste-plassering",
        "en-god-start-okt",
        "en-god-start-kalender",
        "kartlegging-foreldre",  # P6 21 (issue #14, people)
        "arshjul",
        "sosialrapport-godkjenning",  # P6 6 and 10 (issue #14, approval)
        "midlertidig-plassering-slekt-nettverk",
        "rammefortelling",  # P3, P6 2 and the Veien videre calendar (issue #14)
        "flytskjema",
        "veien-videre-kalender",
        "samtale-andre-barn",  # P3 (issue #14, supervision)
        "mandat-fosterhjemsveileder",
        # contact visits (samvær): P6 templates 19, 11, 12, 13 and 14
        "plan-for-samvaer",
        "samvaer-foreldre",
        "samvaer-fosterforeldre",
        "samvaer-informasjon-barn",
        "gjennomgang-samvaersrapport",
        "kostnadsfordeling",  # the teams' cost key (issue #16)
    ]


def test_produced_by_matches_the_workflow_steps_that_name_a_template() -> None:
    named: dict[str, set[tuple[str, str]]] = {}
    for definition in load_catalogue().all_latest():
        for step in definition.steps:
            for key in step.templates:
                named.setdefault(key, set()).add((definition.key, step.key))
    assert set(named) <= set(KEYS)
    for entry in ENTRIES:
        produced = {(p["definition_key"], p["step_key"]) for p in entry["produced_by"]}
        assert produced == named.get(entry["key"], set()), entry["key"]


@pytest.mark.parametrize("key", KEYS)
def test_template_fields_are_known_and_declared(key: str) -> None:
    entry = ENTRIES[KEYS.index(key)]
    fields = template_fields(template(entry))
    assert fields, "a template without fields is not a template"
    unknown = sorted(path for path in fields if not known(path))
    assert unknown == []

    forms: dict[tuple[str, str], set[str]] = {
        (d.key, s.key): {f.key for f in s.form}
        for d in load_catalogue().all_latest()
        for s in d.steps
    }
    answers = {path.split(".", 1)[1] for path in fields if path.startswith("svar.")}
    if entry["produced_by"]:
        allowed = set().union(
            *(forms[(p["definition_key"], p["step_key"])] for p in entry["produced_by"])
        )
        assert answers <= allowed
    else:
        assert answers == set()

    extras = {path.split(".", 1)[1] for path in fields if path.startswith("ekstra.")}
    assert extras == set(entry["extra_fields"])
    assert all(description.strip() for description in entry["extra_fields"].values())
    assert set(entry["required_fields"]) <= fields
    assert all(known(path) for path in entry["required_fields"])


# --- filling -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_a_filled_document_shows_the_case(key: str, filled: dict[str, bytes]) -> None:
    entry = ENTRIES[KEYS.index(key)]
    context = case(entry)
    text = texts(filled[key])
    assert "Eksempelby barneverntjeneste" in text["header"]
    assert "Unntatt offentlighet" in text["header"]
    assert "Side" in text["footer"]
    assert entry["title"] in text["body"]

    shown = text["all"].lower()
    for path in sorted(template_fields(template(entry))):
        value = lookup(context, path)
        if path == "oppgave.utfall" or not isinstance(value, str | int) or value == "":
            continue  # outcomes are shown as ticked labels, checked below
        for line in str(value).split("\n"):
            assert line.lower() in shown, f"{path} = {line!r} is not in the document"
    assert "[mangler" not in shown


def test_the_case_block_and_tables_hold_values(filled: dict[str, bytes]) -> None:
    text = texts(filled["arlig-evaluering"])
    assert "Emma Eksempel" in text["tables"]
    assert "15.10.2015" in text["tables"]
    assert "31.10.2028" in text["body"]  # the conditional deadline paragraph
    assert "Oppdraget videre: fortsetter" in text["body"]
    assert "Plasseringen avsluttet" not in text["all"]  # no end date, no row


def test_an_ended_placement_shows_its_end_date() -> None:
    entry = ENTRIES[KEYS.index("arlig-evaluering")]
    context = case(entry)
    context["plassering"]["sluttdato"] = "30.06.2026"
    text = texts(render(template(entry), context))["tables"]
    assert "Plasseringen avsluttet" in text
    assert "30.06.2026" in text


def test_the_decision_ticks_the_chosen_outcome(filled: dict[str, bytes]) -> None:
    body = texts(filled["vurdering-tilbakeforing"])["body"]
    assert "☒  Fortsette arbeidet med gjenforening som mål" in body
    assert "☐  Fremme sak for barneverns- og helsenemnda" in body
    assert "☐  Oppgi gjenforeningsmålet (den jevnlige vurderingen fortsetter)" in body
    assert "Registrert utfall" not in body
    for n in range(1, 6):
        assert (
            f"Trinn {n} vurdering: tekst fra saksbehandler"
            in texts(filled["vurdering-tilbakeforing"])["tables"]
        )


def test_the_decision_also_accepts_the_outcome_key() -> None:
    entry = ENTRIES[KEYS.index("vurdering-tilbakeforing")]
    context = case(entry)
    context["oppgave"]["utfall"] = "fremme_for_nemnda"
    body = texts(render(template(entry), context))["body"]
    assert "☒  Fremme sak for barneverns- og helsenemnda" in body
    assert "☐  Fortsette arbeidet med gjenforening som mål" in body
    context["oppgave"]["utfall"] = "noe_annet"
    body = texts(render(template(entry), context))["body"]
    assert "Registrert utfall: noe_annet" in body
    assert "☒" not in body


def test_a_reason_to_give_up_reunification_is_shown_when_given() -> None:
    entry = ENTRIES[KEYS.index("vurdering-tilbakeforing")]
    context = case(entry)
    context["oppgave"]["utfall"] = "Oppgi gjenforeningsmålet (den jevnlige vurderingen fortsetter)"
    context["svar"]["grunn_for_a_avslutte"] = "Barnet har bodd i fosterhjemmet i seks år."
    text = texts(render(template(entry), context))
    assert "☒  Oppgi gjenforeningsmålet (den jevnlige vurderingen fortsetter)" in text["body"]
    assert "Barnet har bodd i fosterhjemmet i seks år." in text["tables"]


def test_timeline_tables_repeat_their_rows(filled: dict[str, bytes]) -> None:
    for key in ("oppfolgingsplan", "arshjul"):
        tables = texts(filled[key])["tables"]
        for item in TIDSLINJE:
            assert item["tittel"] in tables
            assert item["frist"] in tables
        assert "Ingen oppgaver er planlagt" not in tables
        assert "Ingen møtepunkter er planlagt" not in tables
    year = texts(filled["arshjul"])["tables"]
    for month in ("januar 2026", "februar 2026", "mars 2026", "mai 2026"):
        assert month in year
    assert year.count("februar 2026") == 1  # the month is written once per month
    for item in HISTORIKK:
        assert item["tittel"] in year
        assert item["fullfort"] in year


def test_the_desk_calendar_lists_only_the_sessions(filled: dict[str, bytes]) -> None:
    text = texts(filled["en-god-start-kalender"])
    assert "Time 3: Tilknytning og tilhørighet" in text["tables"]
    assert "Time 4: Avvisning" in text["tables"]
    assert "Tilsynsbesøk og tilsynsrapport" not in text["all"]
    assert "Emma" not in text["all"]  # the calendar stands on the table at home


def test_the_rammefortelling_shows_each_current_part_with_when_and_by_whom(
    filled: dict[str, bytes],
) -> None:
    text = texts(filled["rammefortelling"])
    assert "Hun bodde hos mor til hun var ni år." in text["all"]
    assert "Versjon 2, skrevet 03.11.2025 av Siri Saksbehandler" in text["body"]
    assert "Versjon 1, skrevet 10.11.2025 av journalsystemet" in text["body"]
    assert "Familien min" in text["body"]
    assert "Denne delen er ikke skrevet ennå." in text["body"]  # familien_min has no version


def test_the_flow_chart_marks_where_each_time_comes_from(filled: dict[str, bytes]) -> None:
    text = texts(filled["flytskjema"])
    assert "Barnet: kontakt de første dagene (R)" in text["tables"]
    assert "Oppfølgingsbesøk i fosterhjemmet (L)" in text["tables"]
    assert "Tre dager etter flyttingen" in text["tables"]
    assert "Lov eller forskrift" in text["tables"]
    assert "Ingen av arbeidsflytene har steg før flyttingen" in text["tables"]
    assert "Minst fire oppfølgingsbesøk i året" in text["tables"]


def test_the_veien_videre_calendar_lists_the_four_conversations_without_the_child(
    filled: dict[str, bytes],
) -> None:
    text = texts(filled["veien-videre-kalender"])
    for item in VEIEN_VIDERE:
        assert item["tittel"] in text["tables"]
        assert item["dag"] in text["tables"]
    assert "Emma" not in text["all"]  # the calendar stands on the table at home
    assert "Oppfølgingsbesøk" not in text["all"]


def test_the_follow_up_plan_names_who_is_responsible(filled: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(filled["oppfolgingsplan"]))
    plan = next(
        t for t in document.tables if [c.text for c in t.rows[0].cells][2:3] == ["Ansvarlig"]
    )
    responsible = [row.cells[2].text for row in plan.rows[1:]]
    assert responsible == [item["ansvarlig"] for item in TIDSLINJE]
    assert "Siri Saksbehandler" in responsible
    assert "Leder" in responsible  # nobody is assigned the leader's task
    assert "Ansvarlig er rollen" not in texts(filled["oppfolgingsplan"])["body"]


def test_the_session_note_says_time_and_its_place_among_the_sessions(
    filled: dict[str, bytes],
) -> None:
    text = texts(filled["en-god-start-okt"])
    assert "En god start: notat fra timen" in text["body"]
    assert "Tema: Samarbeid med barnets familie (time 2 av 6)" in text["body"]
    assert "Oppgave til neste time" in text["body"]
    assert "Dato for timen" in text["tables"]
    assert "Kommende timer" in text["body"]
    for key in ("en-god-start-okt", "en-god-start-kalender"):
        shown = texts(filled[key])["all"].lower()
        assert "samling" not in shown, key
        assert "økt" not in shown, key


def test_an_empty_timeline_says_so() -> None:
    entry = ENTRIES[KEYS.index("oppfolgingsplan")]
    context = case(entry)
    context["tidslinje"] = []
    tables = texts(render(template(entry), context))["tables"]
    assert "Ingen møtepunkter er planlagt det neste året." in tables


def test_the_last_session_asks_for_further_guidance() -> None:
    entry = ENTRIES[KEYS.index("en-god-start-okt")]
    context = case(entry)
    context["oppgave"].update(tittel="Time 6: Evaluering", tema="Evaluering", steg=6)
    context["svar"] = {
        "dato": "02.05.2026",
        "notat": "Nyttig halvår.",
        "videre_veiledning": "TBO-F",
    }
    text = texts(render(template(entry), context))
    assert "Avtalt veiledning og opplæring videre" in text["body"]
    assert "TBO-F" in text["tables"]
    assert "Tema: Evaluering (time 6 av 6)" in text["body"]
    assert "Oppgave til neste time" not in text["body"]


@pytest.mark.parametrize("key", KEYS)
def test_no_jinja_is_left_anywhere(key: str, filled: dict[str, bytes]) -> None:
    for name, xml in xml_parts(filled[key]).items():
        for marker in ("{{", "}}", "{%", "%}", "{#"):
            assert marker not in xml, f"{marker} left in {name}"


@pytest.mark.parametrize("key", KEYS)
def test_guidance_has_its_own_style(key: str, filled: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(filled[key]))
    style = document.styles["Veiledning"]
    assert style.font.italic is True
    assert str(style.font.color.rgb) == "44546A"
    ppr = style.element.pPr
    assert ppr is not None
    assert ppr.find(docx.oxml.ns.qn("w:shd")) is not None
    assert ppr.find(docx.oxml.ns.qn("w:pBdr")) is not None
    guided = [p for p in document.paragraphs if p.style.name == "Veiledning"]
    assert guided, "no guidance paragraph"
    assert all(p.text.strip() for p in guided)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) in (
        (21.0, 29.7),
        (29.7, 21.0),
    )


@pytest.mark.parametrize("key", KEYS)
def test_every_section_has_guidance(key: str) -> None:
    document = docx.Document(io.BytesIO(template(ENTRIES[KEYS.index(key)])))
    paragraphs = [p for p in document.paragraphs if not p.text.startswith("{%p")]
    for index, paragraph in enumerate(paragraphs):
        if paragraph.style.name != "Heading 1":
            continue
        following = paragraphs[index + 1 : index + 3]
        assert any(p.style.name == "Veiledning" for p in following), paragraph.text


@pytest.mark.parametrize("key", KEYS)
def test_placeholders_are_one_run_each(key: str) -> None:
    for xml in xml_parts(template(ENTRIES[KEYS.index(key)])).values():
        for run_text in _run_texts(xml):
            assert run_text.count("{{") == run_text.count("}}"), run_text


def _run_texts(xml: str) -> Iterator[str]:
    for run in re.findall(r"<w:r[ >].*?</w:r>", xml, flags=re.DOTALL):
        yield "".join(re.findall(r"<w:t(?: [^>]*)?>(.*?)</w:t>", run, flags=re.DOTALL))


@pytest.mark.parametrize("key", KEYS)
def test_rendering_twice_gives_the_same_bytes(key: str, filled: dict[str, bytes]) -> None:
    entry = ENTRIES[KEYS.index(key)]
    assert render(template(entry), case(entry)) == filled[key]


@pytest.mark.parametrize("key", KEYS)
def test_a_draft_marks_every_missing_required_field(key: str) -> None:
    entry = ENTRIES[KEYS.index(key)]
    context = case(entry)
    required = entry["required_fields"]
    assert required
    for path in required:
        *parents, last = path.split(".")
        target = context
        for part in parents:
            target = target[part]
        target.pop(last)
    text = texts(render(template(entry), context, draft_gaps=required))["all"]
    for path in required:
        assert GAP.format(path) in text, f"{path} is not marked"


# --- LibreOffice ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdfs(
    filled: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory, soffice: str
) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("libreoffice")
    sources = []
    for key, content in filled.items():
        path = base / f"{key}.docx"
        path.write_bytes(content)
        sources.append(str(path))
    out = base / "pdf"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{base / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *sources,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {key: out / f"{key}.pdf" for key in filled}


@pytest.mark.parametrize("key", KEYS)
def test_libreoffice_converts_the_filled_document_to_pdf(key: str, pdfs: dict[str, Path]) -> None:
    pdf = pdfs[key]
    assert pdf.is_file(), f"LibreOffice made no PDF for {key}"
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF")
    assert len(content) > 5000
