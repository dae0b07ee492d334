"""Infobox Werken aan Veiligheid: catalogue model, validation, site generation and link checking."""

from infobox.model import Catalogue, Item, Link, Resource, Source, Standard

__all__ = ["Catalogue", "Item", "Link", "Resource", "Source", "Standard"]
