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
    Field("ekstra", "mapping", "Ekstra verdier sendt med forespørselen: ekstra.<navn>"),
    # -- the supervision around the placement (app/documents/supervision.py) --
    Field("tilsynsforer.navn", "text", "Navnet på plasseringens nåværende tilsynsfører"),
    Field("tilsynsforer.telefon", "text", "Tilsynsførerens telefonnummer"),
    Field("tilsynsforer.epost", "text", "Tilsynsførerens e-postadresse"),
    Field("tilsynsforer.oppnevnt", "date", "Dato tilsynsføreren ble oppnevnt"),
    Field("tilsynsforer.politiattest_kontrollert", "date", "Dato politiattesten ble kontrollert"),
    Field("tilsynsforer.kurs_fullfort", "date", "Dato tilsynsføreren fullførte tilsynsførerkurs"),
    Field(
        "tilsynsforer.avtale_signert", "date", "Dato oppdragsavtalen med tilsynsføreren ble signert"
    ),
    Field(
        "tilsynsrapport.besoksdato",
        "date",
        "Dato for tilsynsbesøket i rapporten som gjennomgås (ellers den sist mottatte)",
    ),
    Field(
        "tilsynsrapport.mottatt", "date", "Dato tilsynsrapporten kom inn til barnevernstjenesten"
    ),
    Field(
        "tilsynsrapport.samtale_alene",
        "text",
        "Om tilsynsføreren snakket med barnet alene (Ja/Nei)",
    ),
    Field(
        "andre_barn",
        "list",
        "De andre barna som bor i fosterhjemmet nå, eldst først: hvert element har navn, "
        "fodselsar, alder og relasjon (fosterforeldrenes barn, annet fosterbarn, annet barn)",
    ),
    Field("fosterhjemsveileder.navn", "text", "Navnet på plasseringens fosterhjemsveileder"),
    Field("fosterhjemsveileder.epost", "text", "Fosterhjemsveilederens e-postadresse"),
)

BY_PATH = {f.path: f for f in FIELDS}
ROOTS = frozenset(f.path.split(".")[0] for f in FIELDS)


def known(path: str) -> bool:
    """A dotted path the dictionary defines (``svar.x`` and ``ekstra.x`` are open mappings)."""
    root = path.split(".")[0]
    if root in ("svar", "ekstra"):
        return True
    return path in BY_PATH or any(f.path.startswith(path + ".") for f in FIELDS)
