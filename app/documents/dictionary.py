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
    # The parent a document is filled for (``parent_id``), and every parent of the child.
    Field("forelder.navn", "text", "Forelderens navn (når dokumentet lages for en forelder)"),
    Field("forelder.relasjon", "text", "Forelderens relasjon til barnet (mor, far eller annen)"),
    Field("forelder.telefon", "text", "Forelderens telefonnummer, om registrert"),
    Field("forelder.epost", "text", "Forelderens e-postadresse, om registrert"),
    Field("forelder.adresse", "text", "Forelderens adresse på én linje, om registrert"),
    Field("forelder.foreldreansvar", "text", "Om forelderen har foreldreansvar (Ja/Nei)"),
    Field(
        "forelder.onsker_oppfolging",
        "text",
        "Om forelderen får tilbud om oppfølgingssamtaler (Ja/Nei: ønsker ikke, eller takket nei)",
    ),
    Field("forelder.takket_nei", "date", "Datoen forelderen takket nei til oppfølging, om det"),
    Field(
        "forelder.husstand",
        "text",
        "Navnene på foreldrene i forelderens husstand som følges opp (brevets mottakere)",
    ),
    Field(
        "forelder.bor_sammen_med",
        "text",
        "Navnet på den andre forelderen i husstanden, om forelderen bor sammen med en",
    ),
    Field(
        "foreldre",
        "list",
        "Barnets foreldre, ett element per forelder: navn, relasjon, telefon, epost, adresse, "
        "foreldreansvar, onsker_oppfolging, takket_nei",
    ),
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
    Field(
        "hendelser",
        "list",
        "Årshjulets registreringer ved siden av oppgavene, fra i dag og ett år fram: planer som "
        "gjelder til eller evalueres, planlagte samvær, tilsynsbesøk og tilsynsrapporter, "
        "godkjenning av fosterhjemmet. Hvert element har dato, type, tittel, forklaring og "
        "grunnlag",
    ),
    Field(
        "foreldre_tidslinje",
        "list",
        "De av plasseringens oppgaver fra i dag og ett år fram som gjelder foreldrene "
        "(oppfølgingssamtaler, samarbeidsmøter, Veien videre, vurdering av tilbakeføring og "
        "oppfølgingsplanen for foreldrene), med de samme feltene som tidslinje",
    ),
    *(
        field
        for name, title in (
            ("omsorgsplan", "omsorgsplanen"),
            ("tiltaksplan", "tiltaksplanen"),
            ("oppfolgingsplan", "oppfølgingsplanen"),
            ("oppfolgingsplan_foreldre", "oppfølgingsplanen for foreldrene"),
        )
        for field in (
            Field(
                f"planer.{name}.tittel",
                "text",
                f"Tittelen på {title}, med stadium for en omsorgsplan",
            ),
            Field(f"planer.{name}.vedtatt", "date", f"Datoen {title} ble vedtatt"),
            Field(f"planer.{name}.gjelder_til", "date", f"Datoen {title} gjelder til, om satt"),
            Field(f"planer.{name}.sammendrag", "text", f"Målene og innholdet i {title}"),
            Field(f"planer.{name}.revisjon", "integer", f"Hvilken revisjon av {title} dette er"),
            Field(f"planer.{name}.barnet_deltok", "text", "Ja eller Nei: barnet deltok"),
            Field(f"planer.{name}.foreldrene_deltok", "text", "Ja eller Nei: foreldrene deltok"),
            Field(
                f"planer.{name}.fosterhjemmet_deltok", "text", "Ja eller Nei: fosterhjemmet deltok"
            ),
            Field(
                f"planer.{name}.deltok", "text", "Hvem som deltok, i ord («barnet og foreldrene»)"
            ),
            Field(
                f"planer.{name}.medvirkning",
                "text",
                "Hvordan barnet ble hørt, eller hvorfor noen ikke deltok",
            ),
            Field(
                f"planer.{name}.gjennomganger",
                "list",
                f"Gjennomgangene av {title}, eldste først: hvert element har dato, konklusjon "
                "og deltok",
            ),
            Field(f"planer.{name}.siste_gjennomgang.dato", "date", f"Siste gjennomgang av {title}"),
            Field(
                f"planer.{name}.siste_gjennomgang.konklusjon",
                "text",
                f"Konklusjonen fra siste gjennomgang av {title}",
            ),
        )
    ),
    Field("ekstra", "mapping", "Ekstra verdier sendt med forespørselen: ekstra.<navn>"),
    # The approval of the foster home for this child (/v1/placements/{id}/approval).
    Field("godkjenning.akutt", "text", "Ja når barnet flyttet akutt til slekt eller nettverk"),
    Field(
        "godkjenning.frist",
        "date",
        "Frist for godkjenningen: flyttedagen, eller fristen i regelsettet ved akutt flytting",
    ),
    Field(
        "godkjenning.regel_akutt",
        "text",
        "Regelen om godkjenning etter akutt flytting til slekt eller nettverk, fra regelsettet",
    ),
    Field("godkjenning.vurdert", "date", "Dato fosterhjemmet ble vurdert for barnet"),
    Field("godkjenning.hjemmebesok", "date", "Dato for hjemmebesøket"),
    Field("godkjenning.opplaering", "text", "Opplæringen fosterforeldrene har fullført"),
    Field("godkjenning.opplaering_dato", "date", "Dato opplæringen ble fullført"),
    Field(
        "godkjenning.politiattester",
        "list",
        "Politiattestene som er kontrollert: hvert element har navn og kontrollert (dato)",
    ),
    Field(
        "godkjenning.politiattest_mangler",
        "text",
        "Fosterforeldre som ikke har kontrollert politiattest, som tekst",
    ),
    Field("godkjenning.avtale_underskrevet", "date", "Dato fosterhjemsavtalen ble underskrevet"),
    Field("godkjenning.avtale_bufdir_mal", "text", "Ja når fosterhjemsavtalen er på Bufdirs mal"),
    Field("godkjenning.akuttvedtak_dato", "date", "Dato for akuttvedtaket"),
    Field("godkjenning.akuttvedtak_av", "text", "Hvem som fattet akuttvedtaket"),
    Field("godkjenning.foreldre_informert", "date", "Dato foreldrene ble informert"),
    Field("godkjenning.rask_kontroll", "date", "Dato for den raske kontrollen av hjemmet"),
    Field("godkjenning.vedtaksdato", "date", "Dato for vedtaket om godkjenning"),
    Field("godkjenning.besluttet_av", "text", "Hvem som fattet vedtaket om godkjenning"),
    Field("godkjenning.utfall", "text", "Godkjent, godkjent med vilkår eller ikke godkjent"),
    Field("godkjenning.vilkar", "text", "Vilkårene for godkjenningen, om noen"),
    Field(
        "godkjenning.mangler_for_flytting",
        "text",
        "Det som ikke var registrert før barnet flyttet (vanlig plassering), som tekst",
    ),
    # The rammefortelling, the flow chart and the Veien videre calendar (P3/P6 catalogue).
    Field(
        "rammefortelling.deler",
        "list",
        "Rammefortellingens seks deler i fast rekkefølge, hver med nokkel, tittel, veiledning, "
        "tekst (gjeldende versjon, tom om delen ikke er skrevet), versjon (0 om ikke skrevet), "
        "skrevet (dato) og skrevet_av (navnet, ellers rollen, f.eks. «journalsystemet»)",
    ),
    Field(
        "rammefortelling.sist_skrevet",
        "date",
        "Datoen en del av rammefortellingen sist ble skrevet",
    ),
    *(
        Field(
            f"flytskjema.{key}",
            "list",
            f"Flytskjemaets arbeidsflyter med steg {when}: hvert element har arbeidsflyt og steg; "
            "hvert steg har tittel, naar (når steget skal gjøres, med tall fra regelsettet), "
            "grunnlag (lov eller forskrift, nasjonal veiledning eller tjenestens rutine) og merke "
            "(L, V eller R)",
        )
        for key, when in (
            ("for_flyttingen", "før flyttingen"),
            ("forste_maaneder", "de første månedene"),
            ("hvert_aar", "hvert år og jevnlig"),
            ("ved_behov", "som startes ved behov"),
            ("ved_slutt", "når plasseringen slutter eller omsorgen tilbakeføres"),
        )
    ),
    Field(
        "flytskjema.arbeidsflyter",
        "list",
        "Alle arbeidsflytene med tittel, program, hjemmel og status for plasseringen (går, "
        "fullført, avsluttet, startes ved behov, gjelder ikke)",
    ),
    Field(
        "flytskjema.regler",
        "list",
        "Reglene flytskjemaets tidspunkter bygger på: tekst, grunnlag, kilde og kontrollert",
    ),
    Field("flytskjema.regelsett", "text", "Regelsettet flytskjemaet er laget etter, med versjon"),
    Field(
        "veien_videre",
        "list",
        "Samtalene i plasseringens siste Veien videre i rekkefølge: nummer, tittel, tema, dato, "
        "dag (ukedag og dato) og holdt (om samtalen er holdt)",
    ),
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
    # Inter-municipal teams: a member's statement of the cost key (app/teams/statements.py)
    Field("avregning.team", "text", "Teamets navn"),
    Field("avregning.aar", "integer", "Året oppstillingen gjelder"),
    Field("avregning.medlem", "text", "Medlemskommunens barnevernstjeneste"),
    Field("avregning.innbyggertall", "text", "Medlemmets innbyggertall for året (fast nøkkel)"),
    Field("avregning.andel", "text", "Medlemmets andel av innbyggerne i samarbeidet, i prosent"),
    Field(
        "avregning.fast_prosent",
        "integer",
        "Hvor mange prosent av gruppeveiledningen som betales etter fast nøkkel",
    ),
    Field("avregning.bruksgrunnlag", "text", "Hva bruken telles i: plasser eller oppmøter"),
    Field("avregning.timepris", "text", "Årets timepris for individuell veiledning, i kroner"),
    Field("avregning.status", "text", "Foreløpig fordeling, eller årsoppgjør med dato"),
    Field(
        "avregning.differanse", "text", "Årsoppgjøret minus den foreløpige fordelingen, i kroner"
    ),
    Field(
        "avregning.forelopig.fast",
        "text",
        "I den foreløpige fordelingen: gruppeveiledning etter fast nøkkel, i kroner",
    ),
    Field(
        "avregning.forelopig.bruk",
        "text",
        "I den foreløpige fordelingen: gruppeveiledning etter bruk, i kroner",
    ),
    Field(
        "avregning.forelopig.antall",
        "text",
        "I den foreløpige fordelingen: bruken som er telt (plasser eller oppmøter)",
    ),
    Field(
        "avregning.forelopig.individuell",
        "text",
        "I den foreløpige fordelingen: individuell veiledning, i kroner",
    ),
    Field(
        "avregning.forelopig.timer",
        "text",
        "I den foreløpige fordelingen: timer individuell veiledning",
    ),
    Field("avregning.forelopig.sum", "text", "I den foreløpige fordelingen: sum, i kroner"),
    Field(
        "avregning.oppgjor.fast",
        "text",
        "I årsoppgjøret: gruppeveiledning etter fast nøkkel, i kroner",
    ),
    Field(
        "avregning.oppgjor.bruk", "text", "I årsoppgjøret: gruppeveiledning etter bruk, i kroner"
    ),
    Field(
        "avregning.oppgjor.antall",
        "text",
        "I årsoppgjøret: bruken som er telt (plasser eller oppmøter)",
    ),
    Field(
        "avregning.oppgjor.individuell", "text", "I årsoppgjøret: individuell veiledning, i kroner"
    ),
    Field("avregning.oppgjor.timer", "text", "I årsoppgjøret: timer individuell veiledning"),
    Field("avregning.oppgjor.sum", "text", "I årsoppgjøret: sum, i kroner"),
)

BY_PATH = {f.path: f for f in FIELDS}
ROOTS = frozenset(f.path.split(".")[0] for f in FIELDS)


def known(path: str) -> bool:
    """A dotted path the dictionary defines (``svar.x`` and ``ekstra.x`` are open mappings)."""
    root = path.split(".")[0]
    if root in ("svar", "ekstra"):
        return True
    return path in BY_PATH or any(f.path.startswith(path + ".") for f in FIELDS)
