"""The 2020 analysis of samenwerkingsafspraken (Veilig Thuis and local teams), per theme of standard 10.

Source: "Samen werken aan een veilig thuis", visuele samenvatting van de analyse van de
samenwerkingsafspraken, november 2020 (tests/fixtures/seed_analysis_2020.txt). The analysis gives words,
not percentages, so the chart places each theme in a category ordered only as far as the source orders
them, and prints the source's own wording; it invents no numbers. Texts are the source's words; the only
changes are listed in CORRECTIONS.
"""

from __future__ import annotations

from dataclasses import dataclass

# The chart's columns, ordered only as far as the analysis itself orders them: "slechts enkele regio's
# (4 van de 24)" is also "nog geen kwart", so the two share a column.
CATEGORIES: tuple[str, ...] = (
    "nog geen kwart",
    "ongeveer de helft",
    "vrijwel alle",
    "alle",
)
NOT_QUANTIFIED = "niet in aantallen beschreven"

# Every change to the analysis' wording on the page (typos of the infographic), as (printed, shown).
CORRECTIONS: tuple[tuple[str, str], ...] = (
    ("blijktdat", "blijkt dat"),
    ("zeer beperkt aan bod komt.", "zeer beperkt aan bod."),
    ("penvoeder", "penvoerder"),
)

# The six process steps of Veilig Thuis that the agreements of all regions contain, in the source's words.
PROCESS_STEPS: tuple[str, ...] = (
    "melding bij en veiligheidsbeoordeling door Veilig Thuis;",
    "directe overdracht van meldingen na veiligheidsbeoordeling;",
    "overdracht nadat Veilig Thuis de dienst voorwaarden en vervolg heeft uitgevoerd;",
    "overdracht nadat Veilig Thuis een onderzoek heeft uitgevoerd;",
    "monitoring door Veilig Thuis van casuïstiek die is overgedragen aan het lokale veld;",
    "melding bij de Raad voor de Kinderbescherming.",
)


@dataclass(frozen=True)
class Finding:
    ref: str  # the sub-item of standard 10 this theme corresponds to (the editors' link)
    theme: str
    wording: str  # the source's own words for how often the theme occurs
    category: str | None  # one of CATEGORIES, or None when the source gives no quantity
    summary: str  # the source's paragraph on the theme
    callout: str = ""  # the infographic's call-out next to the theme, if any

    @property
    def anchor(self) -> str:
        return self.ref.lower()


FINDINGS: tuple[Finding, ...] = (
    Finding(
        "10A",
        "Het informeren van direct betrokkenen",
        "in alle samenwerkingsafspraken (op één na)",
        "vrijwel alle",
        "In alle samenwerkingsafspraken (op één na) wordt het informeren van de direct betrokkenen over de "
        "melding bij Veilig Thuis en de overdracht door Veilig Thuis aan de lokale (wijk)teams benoemd.",
    ),
    Finding(
        "10B",
        "De rolverdeling tussen betrokken professionals",
        "in alle samenwerkingsafspraken",
        "alle",
        "In alle samenwerkingsafspraken komt de rolverdeling tussen de professionals van Veilig Thuis en "
        "de lokale (wijk)teams terug. Actief in gesprek gaan over de verwachtingen over en weer is een "
        "effectieve manier om meer helderheid te krijgen in elkaars rollen.",
        "De beschrijving van de rollen geeft de betrokken professionals niet altijd voldoende houvast: "
        "1: bij directe overdracht blijkt niet altijd sprake van ‘lichte’ problematiek. 2: de uitvoering is "
        "afhankelijk van de vertaling naar het eigen handelen. 3: er is nog veel ruimte voor individuele keuzes.",
    ),
    Finding(
        "10C",
        "Afspraken over overdracht van zaken",
        "geen aantal genoemd",
        None,
        "De samenwerkingsafspraken hebben bijgedragen aan rolduidelijkheid in het afbakenen en overdragen "
        "van verantwoordelijkheden. Verdere ontwikkeling is mogelijk door verfijning van de afspraken door "
        "middel van gesprekken tussen Veilig Thuis en lokale teams.",
    ),
    Finding(
        "10D",
        "Contact met Veilig Thuis in geval van nieuwe zorgen",
        "in ongeveer de helft van de samenwerkingsafspraken",
        "ongeveer de helft",
        "In ongeveer de helft van de samenwerkingsafspraken staan passages opgenomen over wanneer en hoe de "
        "lokale (wijk)teams bij nieuwe zorgen over het gezin tijdens de monitoringsperiode van Veilig Thuis, "
        "contact moeten opnemen met Veilig Thuis.",
        "De handelswijze bij nieuwe zorgen over de wijze waarop problematiek zich ontwikkelt komen in de "
        "samenwerkingsafspraken niet expliciet aan bod.",
    ),
    Finding(
        "10E",
        "Inzet van erkende methodes en instrumenten",
        "nog geen kwart van de regio's",
        "nog geen kwart",
        "Dit thema komt in de samenwerkingsafspraken zeer beperkt aan bod. Nog geen kwart van de regio’s "
        "refereert op enige wijze aan methoden en instrumenten.",
    ),
    Finding(
        "10F",
        "Opschaling en escalatie",
        "in vrijwel alle regio's",
        "vrijwel alle",
        "In vrijwel alle regio’s zijn afspraken over opschaling gemaakt. In veel regio’s is ook een "
        "uitgewerkt escalatiemodel opgenomen.",
        "In alle regio’s wordt eerst opgeschaald naar de (directe) leidinggevenden, en vervolgens richting de "
        "gemeente. In sommige regio’s met de gedragswetenschappers als tussenstap.",
    ),
    Finding(
        "10G",
        "Evaluatie van casuïstiek",
        "slechts enkele regio's (4 van de 24)",
        "nog geen kwart",
        "Slechts enkele regio’s (4 van de 24) nemen dit thema expliciet op in hun samenwerkingsafspraken.",
    ),
)


@dataclass(frozen=True)
class ChartRow:
    finding: Finding
    y: int
    x: int | None  # centre of the dot, None when the theme is not quantified


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_width: int
    column_width: int
    top: int
    columns: tuple[tuple[str, int], ...]  # (category, centre x)
    rows: tuple[ChartRow, ...]


def chart_layout(findings: tuple[Finding, ...] = FINDINGS) -> Chart:
    """Coordinates for the dot chart: one row per theme, one column per category."""
    label_width, column_width, row_height, top = 330, 92, 40, 56
    columns = tuple(
        (category, label_width + column_width * i + column_width // 2) for i, category in enumerate(CATEGORIES)
    )
    x_of = dict(columns)
    rows = tuple(
        ChartRow(f, top + row_height * i + row_height // 2, x_of[f.category] if f.category else None)
        for i, f in enumerate(findings)
    )
    return Chart(
        width=label_width + column_width * len(CATEGORIES) + 10,
        height=top + row_height * len(findings) + 10,
        label_width=label_width,
        column_width=column_width,
        top=top,
        columns=columns,
        rows=rows,
    )
