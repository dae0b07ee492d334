"""MkDocs hook: make the theme's HTML valid and accessible (logic in infobox.site.a11y)."""

from infobox.site.a11y import fix_theme_html


def on_post_page(output, **kwargs):
    return fix_theme_html(output)


def on_post_template(output_content, **kwargs):
    # 404.html is rendered from the theme's template, not as a page.
    return fix_theme_html(output_content)
