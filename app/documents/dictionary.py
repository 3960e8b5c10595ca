"""The data dictionary: every field a template may use, with its type and meaning.

Templates are filled from one context built from the case (``context.py``); this module says
what is in it. ``GET /v1/templates/fields`` publishes it, uploads are checked against it, and a
template names the fields it needs in its manifest entry.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    path: str
    type: str  # text, date, integer, list
    description: str  # Norwegian: the caseworker writes templates


FIELDS: tuple[Field, ...] = (
    Field("dato", "date", "Dagens dato (dd.mm.åååå)"),
    Field("tjeneste.navn", "text", "Barnevernstjenestens navn"),
    Field("tjeneste.orgnr", "text", "Barnevernstjenestens organisasjonsnummer"),
    Field("barn.fornavn", "text", "Barnets fornavn"),
    Field("barn.etternavn", "text", "Barnets etternavn"),
    Field("barn.fullt_navn", "text", "Barnets fulle navn"),
    Field("barn.fodselsdato", "date", "Barnets fødselsdato"),
    Field("barn.alder", "integer", "Barnets alder i hele år i dag"),
    Field("barn.fodselsnummer", "text", "Barnets fødselsnummer eller D-nummer, om registrert"),
    Field("fosterhjem.navn", "text", "Fosterhjemmets navn"),
    Field("fosterhjem.type", "text", "Type fosterhjem (ordinært, slekt og nettverk, beredskap)"),
    Field("fosterhjem.fosterforeldre", "list", "Fosterforeldrenes navn, ett per element"),
    Field("fosterhjem.fosterforeldre_tekst", "text", "Fosterforeldrenes navn som tekst"),
    Field("fosterhjem.adresse", "text", "Fosterhjemmets adresse på én linje"),
    Field("fosterhjem.kommunenummer", "text", "Kommunenummeret der fosterhjemmet ligger"),
    Field("plassering.startdato", "date", "Dato barnet flyttet inn i fosterhjemmet"),
    Field("plassering.sluttdato", "date", "Dato plasseringen sluttet, om den har sluttet"),
    Field("plassering.hjemmel", "text", "Grunnlaget for plasseringen (omsorgsovertakelse o.l.)"),
    Field("plassering.oppdragsavtale_slutt", "date", "Dato oppdragsavtalen utløper"),
    Field("plassering.status", "text", "Planlagt, aktiv eller avsluttet"),
    Field("kontaktperson.navn", "text", "Kontaktpersonens navn"),
    Field("kontaktperson.epost", "text", "Kontaktpersonens e-postadresse"),
    Field("oppgave.tittel", "text", "Oppgavens tittel (når dokumentet lages fra en oppgave)"),
    Field("oppgave.frist", "date", "Oppgavens frist"),
    Field("oppgave.forklaring", "text", "Hvorfor oppgaven har den fristen"),
    Field("oppgave.hjemmel", "text", "Lovgrunnlag eller program for oppgaven"),
    Field("oppgave.utfall", "text", "Utfallet som ble valgt, slik arbeidsflyten ordlegger det"),
    Field(
        "oppgave.tema",
        "text",
        "Oppgavens tittel uten nummeret foran (f.eks. «Den nye familien» for «Time 1: Den nye "
        "familien»)",
    ),
    Field("oppgave.steg", "integer", "Stegets nummer i arbeidsflyten (1 for det første)"),
    Field("oppgave.antall_steg", "integer", "Antall steg i arbeidsflyten oppgaven hører til"),
    Field("svar", "mapping", "Svarene på oppgavens skjema: svar.<feltnavn> (se arbeidsflyten)"),
    Field(
        "tidslinje",
        "list",
        "Plasseringens oppgaver fra i dag og ett år fram: hvert element har tittel, frist, "
        "status, ansvarlig (navnet på den som har oppgaven, ellers rollen), rolle og arbeidsflyt",
    ),
    Field("historikk", "list", "Plasseringens fullførte oppgaver: tittel, frist, fullfort"),
    # Contact visits (samvær): app/contact_visits/documents.py
    Field(
        "samvaer.ordning.fastsatt_av",
        "text",
        "Hvem som fastsatte samværet (nemnda, retten eller en avtale), for ordningen som gjelder",
    ),
    Field("samvaer.ordning.vedtaksdato", "date", "Datoen samværet ble fastsatt"),
    Field("samvaer.ordning.referanse", "text", "Saksnummeret eller navnet på avtalen"),
    Field(
        "samvaer.ordning.deltakere",
        "text",
        "Hvem barnet har samvær med, med relasjon (Kari Nordmann (mor) og Per Nordmann (far))",
    ),
    Field(
        "samvaer.ordning.deltakere_barn",
        "text",
        "Hvem barnet har samvær med, med barnets ord (mamma og pappa; navn for de andre)",
    ),
    Field(
        "samvaer.ordning.hyppighet", "text", "Hvor ofte (hver tredje måned (fire ganger i året))"
    ),
    Field("samvaer.ordning.forste_samvaer", "date", "Det første samværet etter ordningen"),
    Field("samvaer.ordning.varighet", "text", "Hvor lenge hvert samvær varer (to timer)"),
    Field("samvaer.ordning.tilsyn", "text", "Ja eller Nei: samværet skal ha tilsyn"),
    Field("samvaer.ordning.tilsynsperson", "text", "Hvem som fører tilsyn under samværet"),
    Field("samvaer.ordning.sted", "text", "Hvor samværet holdes"),
    Field("samvaer.ordning.minimum", "text", "Minimumet nemnda fastsatte, med nemndas ord"),
    Field("samvaer.ordning.merknader", "text", "Merknader til ordningen"),
    Field("samvaer.ordning.avsluttet", "date", "Datoen ordningen sluttet å gjelde, om den er satt"),
    Field(
        "samvaer.ordninger",
        "list",
        "Alle samværsordningene som gjelder, hver med de samme feltene som samvaer.ordning",
    ),
    Field(
        "samvaer.planlagte",
        "list",
        "Samværene som er planlagt det neste året: dato, dato_tekst (mandag 5. januar 2027), "
        "hvem, hvem_barn (med barnets ord) og tilsyn (Med tilsyn / Uten tilsyn)",
    ),
    Field("samvaer.neste.dato", "date", "Datoen for neste planlagte samvær"),
    Field("samvaer.neste.dato_tekst", "text", "Neste samvær med ukedag og måned i ord"),
    Field("samvaer.neste.hvem", "text", "Hvem barnet skal treffe på neste samvær"),
    Field("samvaer.neste.hvem_barn", "text", "Hvem barnet skal treffe neste gang, med barnets ord"),
    Field("samvaer.neste.tilsyn", "text", "Med tilsyn eller Uten tilsyn, for neste samvær"),
    Field("samvaer.antall_planlagte", "integer", "Antall samvær planlagt det neste året"),
    Field("samvaer.siste.dato", "date", "Datoen for siste gjennomførte samvær"),
    Field("samvaer.siste.merknader", "text", "Merknadene fra siste gjennomførte samvær"),
    Field(
        "samvaer.besok",
        "list",
        "Samvær gjennomført eller avlyst det siste året: dato, status, avlyst_av og arsak",
    ),
    Field(
        "samvaer.rapport.mottatt",
        "date",
        "Datoen rapporten etter samværet ble mottatt (rapporten oppgaven gjelder, ellers den "
        "siste)",
    ),
    Field("samvaer.rapport.skrevet_av", "text", "Hvem som skrev rapporten"),
    Field("samvaer.rapport.sammendrag", "text", "Sammendrag av rapporten"),
    Field("samvaer.rapport.samvaersdato", "date", "Datoen for samværet rapporten gjelder"),
    Field("ekstra", "mapping", "Ekstra verdier sendt med forespørselen: ekstra.<navn>"),
)

BY_PATH = {f.path: f for f in FIELDS}
ROOTS = frozenset(f.path.split(".")[0] for f in FIELDS)


def known(path: str) -> bool:
    """A dotted path the dictionary defines (``svar.x`` and ``ekstra.x`` are open mappings)."""
    root = path.split(".")[0]
    if root in ("svar", "ekstra"):
        return True
    return path in BY_PATH or any(f.path.startswith(path + ".") for f in FIELDS)
