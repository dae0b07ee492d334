"""The entries of the Infobox (edition in data/resources.yaml `source.edition`): id and link addresses.

A resource marked `provenance: infobox` must be one of these, so a block copied with that line kept does
not claim to come from the Infobox. Derived from the entries transcribed from the Infobox; a developer test
(tests/catalogue/test_real_catalogue_against_infobox.py) checks it against the seed text of the Infobox itself.
"""

INFOBOX_ENTRIES: dict[str, tuple[str, ...]] = {
    "handreiking-regie-aanpak-kindermishandeling": (
        "https://indd.adobe.com/view/c5aaf1e8-e90a-497a-9329-bba62173a634",
    ),
    "zelfevaluatietool-sociaal-domein": (
        "https://www.integraalwerkenindewijk.nl/zelfevaluatietool-sociaal-domein-–-toegang-en-samenhang-hulp",
    ),
    "handreiking-sociaal-en-veiligheidsdomein": (
        "https://gemeenten.movisie.nl/sites/default/files/editor_uploads/Producten-raadplegen/Publicaties/Huiselijk-geweld-en-kindermishandeling/Handreiking-veiligheid-sociaal-domein.pdf",
    ),
    "visie-gefaseerde-ketenzorg": (
        "https://www.youtube.com/watch?v=C6uEmcWXT08",
        "https://vng.nl/sites/default/files/2021-01/20210125-visie-gefaseerd-samenwerken-aan-veiligheid-def.pdf",
        "https://vng.nl/files/vng/201605_visiedocument_gefaseerde_ketensamenwerkingvogtlander_van_arum_0.pdf",
    ),
    "rapport-basisfuncties-lokale-teams": (
        "https://www.rijksoverheid.nl/documenten/rapporten/2019/09/30/basisfuncties-voor-lokale-teams-in-kaart-de-route-en-componenten-onder-de-de",
    ),
    "magazine-effectief-aanpakken-kindermishandeling": (
        "https://www.augeomagazine.nl/kindermishandeling-effectief-aanpakken-augeo-magazine-special/optimale-zorg-bij-kindermishandeling-en-partnergeweld",
    ),
    "wijkteams-en-veiligheid-kinderen": (
        "https://www.nji.nl/nl/Kennis/Dossier/Wijkteams/Wijkprofessional/Wijkteams-en-de-veiligheid-van-kinderen",
    ),
    "informatie-werken-met-meldcode": (
        "https://www.nji.nl/Werken-met-de-meldcode",
        "https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/meldcode",
        "https://www.meldcode.nu",
    ),
    "toolkit-meldcode": (
        "https://www.rijksoverheid.nl/documenten/publicaties/2018/07/01/toolkit-meldcode-huiselijk-geweld-en-kindermishandeling",
    ),
    "online-cursus-werken-met-meldcode": (
        "https://www.augeo.nl/nl-nl/wijkteams-werken-met-een-meldcode",
        "https://www.augeo.nl/Demo/Demo%20Wijkteammedewerkers%20Werken%20met%20een%20meldcode/",
    ),
    "kindcheck": ("https://www.augeo.nl/nl-nl/kindcheck",),
    "movisie-huiselijk-en-seksueel-geweld": ("https://www.movisie.nl/huiselijk-seksueel-geweld",),
    "nji-definitie-kindermishandeling": ("https://www.nji.nl/Kindermishandeling-Probleemschets-Definitie",),
    "huiselijkgeweld-nl-vormen-van-geweld": (
        "https://www.huiselijkgeweld.nl/vormen",
        "https://www.huiselijkgeweld.nl/dossiers",
    ),
    "nji-signaleren-van-kindermishandeling": (
        "https://www.nji.nl/nl/Kennis/Dossier/Kindermishandeling/Signaleren-van-kindermishandeling",
    ),
    "signalenkaart-kadera": ("https://signalenkaart.nl",),
    "toolbox-wijkteams-werken-met-jeugd": ("https://www.wijkteamswerkenmetjeugd.nl",),
    "online-training-ouderenmishandeling-herkennen": (
        "https://www.movisie.nl/artikel/signalen-ouderenmishandeling-herkennen",
    ),
    "skj-scholing-en-opleidingen": ("https://skjeugd.nl/scholing/opleidingen/",),
    "online-cursus-huwelijksdwang": ("https://www.augeo.nl/nl-nl/zorgprofessionals-huwelijksdwang-w2019",),
    "methodiek-relatiewijs": ("https://www.movisie.nl/publicatie/relatiewijs",),
    "toegang-tot-aandachtsfunctionarissen": (
        "https://gemeenten.movisie.nl/doel/huiselijk-geweld-en-kindermishandeling-aanpakken/beleid/wet-verplichte-meldcode",
    ),
    "taakprofiel-aandachtsfunctionaris": ("https://lvak.nl/downloads/LVAK_taakprofiel_aandachtsfunctionaris.pdf",),
    "lvak-trainingen-aandachtsfunctionarissen": ("https://lvak.nl",),
    "wilde-kastanje-trainingen": ("https://www.wildekastanje.nl",),
    "trainers-huiselijk-geweld": ("https://www.trainershuiselijkgeweld.nl",),
    "online-training-praten-over-huiselijk-geweld": (
        "https://www.movisie.nl/training/online-training-praten-over-huiselijk-geweld-kun-je-leren",
    ),
    "nji-in-gesprek-met-kind-en-ouders": (
        "https://www.nji.nl/nl/Kennis/Dossier/Kindermishandeling/Zorgen-bespreken/In-gesprek-met-kind-en-ouders",
    ),
    "cursus-communiceren-over-geweld": ("https://www.augeo.nl/nl-nl/algemeen-communiceren-over-geweld",),
    "magazine-hoe-praat-je-met-een-kind": (
        "https://www.augeomagazine.nl/hoe_praat_je_met_een_kind_-_augeo_magazine_10/hoe-praat-je-met-een-kind",
    ),
    "handreiking-kinderen-in-de-meldcode": (),
    "academie-praten-met-kinderen": (),
    "teamkim-voorlichting": ("https://www.team-kim.nl/voorlichting/",),
    "programmaplan-geweld-hoort-nergens-thuis": (
        "https://vng.nl/sites/default/files/publicaties/2018/geweld-hoort-nergens-thuis-aanpak-huiselijk-geweld-en-kindermishandeling_1.pdf",
    ),
    "toezichtkader-sociaal-domein": (
        "http://online-publicaties.nl/toetsingskadervolwassenensociaaldomein/ToezichtkaderStelseltoezichtVolwassenenSociaalDomein.pdf",
    ),
    "1gezin1plan1regisseur": ("https://www.1gezin1plan1regisseur.nl",),
    "samen-leren-van-calamiteiten": ("https://www.augeo.nl/nl-nl/samen-leren-van-calamiteiten",),
    "multifocus": ("https://www.movisie.nl/interventie/multifocus",),
    "nji-veiligheid-en-risicos-inschatten": (
        "https://www.nji.nl/nl/Download-NJi/Publicatie-NJi/Veiligheid-en-risicos-inschatten-wat-helpt.pdf",
    ),
    "nji-assessmentdriehoek-en-zevenstappenmodel": (
        "https://www.nji.nl/nl/Kennis/Dossier/Kindermishandeling/Wegen-en-beslissen/Assessmentdriehoek-en-zevenstappenmodel",
    ),
    "risicotaxatie-instrument-huiselijk-geweld": (
        "https://www.nji.nl/nl/Databank/Databank-Instrumenten/Risicotaxatie-instrument-huiselijk-geweld-(RiHG)",
    ),
    "handelingsprotocol-risicotaxatie-instrumenten": (
        "https://www.handelingsprotocol.nl/informatie/61-risicotaxatie-instrumenten",
    ),
    "regie-sociaal-domein": (
        "https://www.toezichtsociaaldomein.nl/onderzoeken-en-instrumenten/r/regie-sociaal-domein?utm_source=regiesociaaldomein.nl&utm_medium=redirect&utm_campaign=redirect",
    ),
    "traumascreening-en-aanpak": ("https://vng.nl/artikelen/traumascreening-en-aanpak",),
    "handreiking-inbedden-traumasensitiviteit": (
        "https://vng.nl/sites/default/files/2020-10/20201001_inbedden_traumasensitiviteit.pdf",
    ),
    "traumasensitief-werken-visie-gefaseerde-ketenzorg": (
        "https://vng.nl/sites/default/files/2020-10/20201001_traumasensitief_werken_def.pdf",
    ),
    "handle-with-care": ("https://www.augeo.nl/nl-nl/handle-with-care",),
    "herstel-na-trauma-bevorderen": ("https://www.augeomagazine.nl/5238/kinderen-helpen-herstellen",),
    "wat-werkt-bij-kindermishandeling": (
        "https://www.nji.nl/nl/Download-NJi/Wat-werkt-publicatie/(311053)-nji-dossierDownloads-WatWerkt_Kindermishandeling.pdf",
    ),
    "nji-beschermende-en-risicofactoren": (
        "https://www.nji.nl/nl/Kindermishandeling-Probleemschets/Beschermende-en-risicofactoren",
    ),
    "risicofactoren-ouderenmishandeling": ("https://www.meldcode.nu/beschermende-risicofactoren-ouderenmishandeling/",),
    "basisboek-huiselijk-geweld": ("https://www.movisie.nl/publicatie/basisboek-huiselijk-geweld",),
    "richtlijnen-jeugdhulp-en-jeugdbescherming": ("https://richtlijnenjeugdhulp.nl",),
    "signs-of-safety": ("https://www.nji.nl/Signs-of-Safety",),
    "gips-methodiek": (
        "https://www.verwey-jonker.nl/wp-content/uploads/2020/07/115034_de_GIPS_methodiek_voor_intensieve_intersectorale_bemoeizorg_bij_kindermishandeling-2.pdf",
    ),
    "top-3-methodiek": ("https://civilcare.org/index.php",),
    "aanpak-ouderenmishandeling": ("https://www.aanpak-ouderenmishandeling.nl",),
    "movisie-ouderenmishandeling": ("https://www.movisie.nl/artikel/ouderenmishandeling-kaart",),
    "magazine-seksueel-misbruik-kinderen": ("https://www.augeomagazine.nl/5111/uitgelicht",),
    "magazine-special-seksueel-geweld-en-uitbuiting": (
        "https://www.augeomagazine.nl/seksueel-geweld-tegen-en-seksuele-uitbuiting-van-kinderen-augeo-magazine-special/kinderen-en-seksueel-geweld",
    ),
    "eergerelateerd-geweld": ("https://www.rijksoverheid.nl/onderwerpen/eergerelateerd-geweld",),
    "handreiking-ouders-met-lvb": (
        "https://www.kenniscentrumlvb.nl/wp-content/uploads/woocommerce_uploads/2018/10/handreikingbegeleidenouderslvb.pdf",
    ),
    "impact-psychische-en-verslavingsproblemen": (
        "https://www.augeo.nl/~/media/Files/Bibliotheek/Augeo-Impact-van-psychische-en-verslavingsproblemen.ashx",
    ),
    "wat-werkt-outreachend-werken": ("https://www.movisie.nl/publicatie/wat-werkt-outreachend-werken",),
    "magazine-sociale-steun-en-sociaal-netwerk": (
        "https://www.augeomagazine.nl/sociale-steun-augeo-magazine-19/sociale-steun",
        "https://www.augeomagazine.nl/samenwerken-augeo-magazine-18/in-de-praktijk-sociaal-netwerk-betrekken",
    ),
    "inkoop-sociaal-domein": ("https://www.inkoopsociaaldomein.nl",),
    "model-samen-werken-aan-veiligheid-en-herstel": (),
}
