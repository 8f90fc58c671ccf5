"""First-level administrative divisions of every country (ISO 3166-2, from ``pycountry``):
"Enga" → PG, "Sindh" → PK, "Zamfara" → NG. Used where the text names a division by its
suffix ("Enga province"), since the place index holds towns, countries and US states only.
"""

from __future__ import annotations

from functools import cache

from rafah.places.fold import fold


@cache
def _countries_by_name() -> dict[str, str]:
    """Folded division name → country code; names shared by divisions of two countries are
    left out."""
    import pycountry  # a few hundred kilobytes of data, read on first use only

    found: dict[str, str] = {}
    shared: set[str] = set()
    for division in pycountry.subdivisions:
        if getattr(division, "parent_code", None):
            continue
        key = fold(division.name)
        if found.setdefault(key, division.country_code) != division.country_code:
            shared.add(key)
    return {key: code for key, code in found.items() if key and key not in shared}


def subdivision_country(name: str) -> str | None:
    """The country of the first-level division called ``name``, or None."""
    return _countries_by_name().get(fold(name))
