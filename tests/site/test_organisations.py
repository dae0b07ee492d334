"""A resource that the Infobox attributes to several organisations is listed under each of them."""

from __future__ import annotations

from tests.support.sitebuild import page_of


def section(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"', 1)[1].split("<h2", 1)[0]


def test_each_organisation_of_a_shared_resource_lists_it(unchecked_site):
    html = page_of(unchecked_site, "/organisaties/").read_text(encoding="utf-8")
    for heading_id in ("movisie", "augeo"):
        assert "Model voor casuïstiekevaluatie" in section(html, heading_id)


def test_card_names_every_organisation_and_the_filter_knows_them(unchecked_site):
    html = page_of(unchecked_site, "/hulpmiddelen/").read_text(encoding="utf-8")
    before, after = html.split('id="model-evaluatie"', 1)
    opening_tag = before.rsplit("<article", 1)[1]
    assert 'data-organisations="Movisie|Augeo"' in opening_tag
    assert "Organisaties:</span> Movisie en Augeo" in after.split("</article>", 1)[0]
