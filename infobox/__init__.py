"""Infobox Werken aan Veiligheid: catalogue model, validation, site generation and link checking."""

from infobox.model import Catalogue, Item, Link, Resource, Source, Standard

# Where readers and the link job report to: the address the Infobox PDF itself gives.
CONTACT_EMAIL = "info@geweldnergensthuis.nl"

__all__ = ["CONTACT_EMAIL", "Catalogue", "Item", "Link", "Resource", "Source", "Standard"]
