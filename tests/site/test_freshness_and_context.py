"""Freshness dates people made (issue 9 item 2, issue 12 item 1) and the context pages against their seed."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from infobox.catalogue.loader import load_catalogue
from infobox.site import analysis
from infobox.site.dutch import long_date, month_year
from tests.support.sitebuild import REPO, page_of

ANALYSIS_SEED = REPO / "tests" / "fixtures" / "seed_analysis_2020.txt"


def text_of(page: Path) -> str:
    """The page's visible text, on one line."""
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def squash(text: str) -> str:
    return re.sub(r"[\s\-\u00ad'’‘]", "", text).casefold()


def card(page: Path, resource_id: str) -> str:
    source = page.read_text(encoding="utf-8")
    start = source.index(f'id="{resource_id}"')
    return source[start : source.index("</article>", start)]


# --- Freshness ---------------------------------------------------------------------------------------


def test_cards_show_a_check_date_only_for_checked_entries(real_site):
    catalogue = load_catalogue(REPO / "data" / "resources.yaml")
    overview = page_of(real_site, "/hulpmiddelen/")
    exported = {r["id"]: r for r in json.loads((real_site / "catalogue.json").read_text("utf-8"))["resources"]}
    assert any(r.reviewed is None and r.from_infobox for r in catalogue.resources)
    for resource in catalogue.resources:
        shown = card(overview, resource.id)
        if resource.reviewed:
            assert f"Gecontroleerd: {month_year(resource.reviewed)}" in shown, resource.id
        else:
            assert "Gecontroleerd" not in shown, resource.id
            assert ("Overgenomen uit de Infobox" in shown) == resource.from_infobox, resource.id
        assert exported[resource.id]["reviewed"] == (resource.reviewed.isoformat() if resource.reviewed else None)
        assert exported[resource.id]["provenance"] == (resource.provenance or None)


def test_checked_cards_show_the_check_month(unchecked_site):
    # The fixture's entries carry `reviewed: 2021-01-25` and no provenance: a person checked them.
    assert "Gecontroleerd: januari 2021" in card(page_of(unchecked_site, "/hulpmiddelen/"), "kindcheck")


def test_footer_and_home_show_the_content_date_not_the_build_date(real_site, unchecked_site):
    # The fixture has no `updated`: its newest check (25 January 2021) is its content date, whatever
    # the day of the build.
    home = text_of(page_of(unchecked_site, "/"))
    assert "Laatst bijgewerkt: 25 januari 2021" in home
    assert "Inhoud laatst bijgewerkt: 25 januari 2021" in home
    assert "Laatst bijgewerkt: 25 januari 2021" in text_of(page_of(unchecked_site, "/over/"))
    real = load_catalogue(REPO / "data" / "resources.yaml")
    assert real.source.updated is not None  # the maintainers' date of their last change
    assert f"Laatst bijgewerkt: {long_date(real.content_date)}" in text_of(page_of(real_site, "/"))


def test_maintainers_page_lists_unchecked_entries_out_of_readers_way(real_site):
    catalogue = load_catalogue(REPO / "data" / "resources.yaml")
    unchecked = [r for r in catalogue.resources if r.reviewed is None]
    beheer = page_of(real_site, "/beheer/")
    assert f"Nog nooit gecontroleerd ({len(unchecked)})" in text_of(beheer)
    for resource in unchecked:
        assert f'href="../hulpmiddelen/{resource.id}/"' in beheer.read_text(encoding="utf-8")
    assert "/beheer/" not in page_of(real_site, "/").read_text(encoding="utf-8")  # not in the navigation


# --- Issue 12: small corrections and reasoned choices -----------------------------------------------


def test_linkless_entries_say_no_link_is_known(real_site):
    overview = page_of(real_site, "/hulpmiddelen/")
    assert "Geen link bekend." in card(overview, "academie-praten-met-kinderen")
    assert "geeft de Infobox geen link" not in overview.read_text(encoding="utf-8")


def test_baeten_model_shown_once_for_the_whole_standard(real_site):
    page = page_of(real_site, "/kwaliteitsstandaarden/10/").read_text(encoding="utf-8")
    assert page.count('id="10-model-samen-werken-aan-veiligheid-en-herstel"') == 1
    assert "10a-model-samen-werken" not in page
    assert "geen hulpmiddelen opgenomen" not in page


# --- Context pages say what the seed says ------------------------------------------------------------


def seed_analysis() -> str:
    text = ANALYSIS_SEED.read_text(encoding="utf-8")
    for printed, shown in analysis.CORRECTIONS:
        assert printed in " ".join(text.split()), printed  # each correction is of something printed
        text = " ".join(text.split()).replace(printed, shown)
    return text


# Findings of the 2020 analysis, as printed (line breaks and hyphenation aside).
ANALYSIS_FINDINGS = [
    "melding bij en veiligheids- beoordeling door Veilig Thuis;",
    "directe overdracht van meldingen na veiligheidsbeoordeling;",
    "overdracht nadat Veilig Thuis de dienst voorwaarden en vervolg heeft uitgevoerd;",
    "overdracht nadat Veilig Thuis een onderzoek heeft uitgevoerd;",
    "monitoring door Veilig Thuis van casuïstiek die is overgedragen aan het lokale veld;",
    "melding bij de Raad voor de Kinderbescherming.",
    "De beschrijving van de rollen geeft de betrokken professionals niet altijd voldoende houvast:",
    "1: bij directe overdracht blijkt niet altijd sprake van ‘lichte’ problematiek.",
    "2: de uitvoering is afhankelijk van de vertaling naar het eigen handelen.",
    "3: er is nog veel ruimte voor individuele keuzes.",
    "De handelswijze bij nieuwe zorgen over de wijze waarop problematiek zich ontwikkelt komen in de "
    "samenwerkingsafspraken niet expliciet aan bod.",
    "In alle regio’s wordt eerst opgeschaald naar de (directe) leidinggevenden, en vervolgens richting de "
    "gemeente. In sommige regio’s met de gedrags- wetenschappers als tussenstap.",
    "Gezamenlijke evaluatie van casuïstiek ondersteunt de implementatie.",
    "Het eigenaarschap kan verder worden versterkt door het actief betrekken van professionals bij de "
    "actualisering/ doorontwikkeling van de samenwerkings- afspraken.",
    "In de meeste regio’s pakt Veilig Thuis nog een trekkersrol of een rol als penvoerder. Veelal gebeurt dit "
    "wel in een proces waarbij ook gemeenten en lokale teams deelnemen.",
    "(centrum)Gemeenten in vele regio’s geven bewuster invulling aan hun opdrachtgeversrol richting zowel "
    "het lokale veld als ‘hun’ Veilig Thuis.",
    "Uit interviews blijkt dat de visie gefaseerde ketenzorg ook wordt onderschreven",
    "Dit thema komt in de samenwerkingsafspraken zeer beperkt aan bod.",
]


def test_analysis_page_carries_the_seed_findings(real_site):
    seed = squash(seed_analysis())
    page = squash(text_of(page_of(real_site, "/achtergrond/samenwerkingsafspraken/")))
    for finding in ANALYSIS_FINDINGS:
        assert squash(finding) in seed, finding
        assert squash(finding) in page, finding


def test_analysis_chart_orders_only_what_the_seed_orders():
    by_ref = {f.ref: f for f in analysis.FINDINGS}
    assert "4 van de 24" in by_ref["10G"].wording
    # 4 of 24 regions is itself "nog geen kwart": no separate, lower column.
    assert by_ref["10G"].category == by_ref["10E"].category == "nog geen kwart"
    assert analysis.CATEGORIES[0] == "nog geen kwart"


def test_visie_page_keeps_the_official_zelfscan_and_the_focus_areas():
    seed = " ".join(ANALYSIS_SEED.read_text(encoding="utf-8").split())
    page = (REPO / "docs" / "achtergrond" / "gefaseerde-ketenzorg.md").read_text(encoding="utf-8")
    sentence = "Om het gebruik van het Kwaliteitskader te vergemakkelijken is een (digitale) zelfscan ontwikkeld."
    assert sentence in seed
    paragraph = next(p for p in page.split("\n\n") if "vergemakkelijken" in p)
    assert " ".join(paragraph.split()) == sentence  # the seed's sentence, not a link to this site's zelfscan
    for area in ("Visie en opdracht lokale (wijk)teams", "Samenwerkingsafspraken tussen het lokale (wijk)team"):
        assert area in seed and area in page
    for step in (
        "Eerst de directe onveiligheid aanpakken met veiligheidsvoorwaarden en een veiligheidsplan.",
        "Ondersteuning of behandeling bieden voor herstel.",
    ):
        assert step in seed and f"1. {step}" in page or f"3. {step}" in page
    assert "**Directe veiligheid.**" not in page and "**Herstel.**" not in page


def test_context_pages_claim_nothing_the_seed_does_not():
    over = (REPO / "docs" / "over.md").read_text(encoding="utf-8")
    assert "opvolger" not in over
    mda = " ".join((REPO / "docs" / "achtergrond" / "mda-bouwstenen.md").read_text(encoding="utf-8").split())
    seed = " ".join(ANALYSIS_SEED.read_text(encoding="utf-8").split())
    for sentence in ("Het programmateam GHNT ondersteunt de implementatie in de regio’s", "faciliteert het"):
        assert sentence in seed and sentence in mda
    assert "multidisciplinaire aanpak" not in mda  # a gloss the seed does not have
