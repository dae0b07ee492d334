"""Infobox Werken aan Veiligheid: catalogue model, validation, site generation and link checking.

Imports nothing: the link job's linkchecker child imports this package on start-up, before its first request.
The catalogue model is `infobox.catalogue.model`.
"""

# Where readers and the link job report to: the address the Infobox PDF itself gives.
CONTACT_EMAIL = "info@geweldnergensthuis.nl"

__all__ = ["CONTACT_EMAIL"]
