"""The parts of a child's rammefortelling (P3, Bergen/Alver, seed 004 §5.2.3).

The seed describes the template, not its headings: a frame for the child's own story ("min
historie"), written by the contact person in several parts and at several times, keeping a red
thread through the case and looking at resources as well as vulnerabilities. The six parts below
are Fosterflyt's choice, made from that description:

- ``min_historie`` is the red thread itself: where the child has lived and what has happened;
- ``hvorfor_jeg_ikke_bor_hjemme`` is the question every child in care asks, and the part that most
  often has to be rewritten as the child grows and understands more;
- ``familien_min`` and ``viktige_personer`` keep the people: the family the child comes from and
  the others who matter (foster family, friends, teachers), so the story is not only the case;
- ``det_jeg_er_god_til`` and ``det_som_har_vaert_vanskelig`` are the resources and the
  vulnerabilities the seed asks for, as two parts so neither is forgotten.

Each part has a key (used in the API, never changed once published), a title and guidance for
the contact person, both in bokmål.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    guidance: str


PARTS: tuple[Part, ...] = (
    Part(
        "min_historie",
        "Min historie",
        "Fortell barnets historie fra begynnelsen og fram til i dag: hvor barnet er født, hvor og "
        "med hvem det har bodd, og de viktigste hendelsene underveis. Skriv slik at barnet kan "
        "lese det selv når det blir eldre, og hold en rød tråd fra det ene til det neste.",
    ),
    Part(
        "hvorfor_jeg_ikke_bor_hjemme",
        "Hvorfor jeg ikke bor hjemme",
        "Forklar ærlig og skånsomt hvorfor barnet ikke bor hos foreldrene, med ord som passer "
        "barnets alder. Skriv hva de voksne var bekymret for, ikke hvem som hadde skylden. Skriv "
        "delen på nytt når barnet er eldre og kan forstå mer.",
    ),
    Part(
        "familien_min",
        "Familien min",
        "Skriv om foreldrene, søsken og den øvrige familien: hvem de er, hva de er opptatt av, og "
        "hvordan barnet har kontakt med dem nå. Ta med det som er godt å vite om familien, ikke "
        "bare det som har vært vanskelig.",
    ),
    Part(
        "viktige_personer",
        "Viktige personer",
        "Skriv om de andre menneskene som betyr noe for barnet: fosterfamilien, venner, lærere, "
        "trenere og andre voksne. Hvem kan barnet gå til, og hvem vil det holde kontakt med?",
    ),
    Part(
        "det_jeg_er_god_til",
        "Det jeg er god til",
        "Skriv om barnets ressurser: det barnet mestrer, liker og er stolt av, og det andre "
        "setter pris på ved barnet. Spør barnet selv, og skriv gjerne med barnets egne ord.",
    ),
    Part(
        "det_som_har_vaert_vanskelig",
        "Det som har vært vanskelig",
        "Skriv om det som har vært vanskelig for barnet, og hvordan barnet og de voksne rundt har "
        "møtt det. Skriv nøkternt og uten å henge ut noen, og si hva som har hjulpet.",
    ),
)

BY_KEY = {part.key: part for part in PARTS}
