"""Name lists for entities: given names, well-known organisations, and nationality adjectives.

Given names come from the US census name lists that the ``names`` package
ships (the most frequent 90 % of each list), plus the world-news names in
``entity_words``. Nationality adjectives ("Korean", "Japanese") are derived
from the place gazetteer by the usual English suffixes, with the irregular
forms listed. Well-known organisations whose bare name gives no cue (a
one-word company or club) are listed here.
"""
from __future__ import annotations

from functools import lru_cache

from factcheck_app.extract.entity_words import DEMONYM_FORMS, EXTRA_FIRST_NAMES, NOT_FIRST_NAMES
from factcheck_app.extract.gazetteer import place_table

# The share of each census list kept: the rarest tenth is mostly words and surnames.
_CENSUS_SHARE = 90.0
_CENSUS_FILES = ("dist.male.first", "dist.female.first")

# Organisations news names bare, with nothing in the name or around it to say so.
KNOWN_ORGS = frozenset("""
Apple Google Alphabet Microsoft Amazon Facebook Meta Twitter Instagram WhatsApp YouTube TikTok Netflix
Intel AMD Nvidia Qualcomm Cisco IBM Oracle Samsung Sony Panasonic Toshiba Hitachi Huawei Xiaomi Lenovo
Nokia Ericsson Motorola Siemens Philips Spotify Uber Lyft Airbnb PayPal eBay Alibaba Tencent Baidu
Yahoo Dell HP Adobe Salesforce SpaceX OpenAI Anthropic Boeing Airbus Embraer Bombardier Lockheed
Northrop Raytheon EADS Ryanair easyJet EasyJet Lufthansa KLM Qantas Emirates Etihad Aeroflot Alitalia
Iberia Finnair Vueling Wizz JetBlue Toyota Honda Nissan Mazda Subaru Mitsubishi Suzuki Hyundai Kia
Daewoo Ford Chrysler DaimlerChrysler Daimler Volkswagen BMW Audi Porsche Fiat Ferrari Renault Peugeot
Citroen Citroën Volvo Saab Tesla Stellantis Jaguar Skoda Škoda Dacia GM Walmart Wal-Mart Target Costco
Tesco Sainsbury Carrefour Aldi Lidl IKEA Ikea Nike Adidas Puma Zara Gucci Prada Nestle Nestlé Unilever
Danone Coca-Cola Pepsi PepsiCo McDonald's Starbucks KFC Shell BP Exxon ExxonMobil Chevron Total
TotalEnergies Gazprom Rosneft Aramco Petrobras Pemex Equinor Glencore Rio BHP Vale ArcelorMittal
Pfizer Moderna AstraZeneca Novartis Roche Merck Bayer Sanofi GSK GlaxoSmithKline Goldman JPMorgan
Citigroup Citibank HSBC Barclays Lloyds UBS Santander BNP Deutsche Nomura Mizuho Lehman Merrill
Morgan AIG Visa Mastercard Xinhua Reuters Bloomberg AFP AP CNN BBC NBC CBS ABC
Fox MSNBC NPR PBS Politico Axios Vox Al-Jazeera Aljazeera Interfax TASS Tass Yonhap Kyodo KCNA Ofcom
Disney Warner Paramount Universal Pixar Marvel Hasbro Mattel Nintendo Sega Ubisoft Activision
Gazprombank Sberbank NATO OPEC UNESCO UNICEF WHO FIFA UEFA IOC Interpol Europol Hamas Hezbollah
Taliban Fatah ISIS ISIL Al-Qaeda Wikileaks WikiLeaks Greenpeace Oxfam Amnesty Wikipedia Wikinews
Arsenal Chelsea Liverpool Barcelona Juventus Bayern Ajax Celtic Rangers Everton Tottenham Benfica Porto
""".split())


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Return given names ("Steve", "Mary", "Vladimir") in their written case.

    Read from the user cache when current (parsing the census lists cost a short batch
    process a tenth of its time), keyed by the names package, the place table and the
    modules holding the rules and the extra and excluded names.
    """
    from factcheck_app.extract import entity_words, gazetteer, table_cache

    stamp = table_cache.stamp_of(table_cache.package_stamp("names"), gazetteer._cache_stamp(),
                                 table_cache.source_stamp(__file__), table_cache.source_stamp(entity_words.__file__))
    names = table_cache.cached("first-names", stamp, _census_first_names)
    return frozenset(names) if isinstance(names, tuple) else frozenset(_census_first_names())


def _census_first_names() -> tuple[str, ...]:
    """Given names from the census lists and the extra list, without places and excluded words."""
    from importlib import resources  # only when the cache is stale: it brings in zipfile

    found = set(EXTRA_FIRST_NAMES)
    places = place_table()
    package = resources.files("names")
    for name in _CENSUS_FILES:
        # Four columns a line: name, share, cumulative share, rank; one split of the whole file.
        cells = package.joinpath(name).read_text(encoding="ascii").split()
        for word, cumulative in zip(cells[0::4], cells[2::4]):
            if float(cumulative) > _CENSUS_SHARE:
                break
            word = word.capitalize()
            entry = places.get(word)
            if entry is None or entry.subtype not in ("country", "state"):  # "Georgia", "Virginia": places first
                found.add(word)
    return tuple(sorted(found - NOT_FIRST_NAMES))


# (suffix of the adjective, what replaces it to give the place): "Korean" -> "Korea".
_DEMONYM_RULES = (("ese", ""), ("ese", "a"), ("ian", "ia"), ("ian", "a"), ("ian", ""), ("ian", "y"),
                  ("ian", "e"), ("ean", "ea"), ("an", "a"), ("an", ""), ("an", "o"), ("n", ""),
                  ("i", ""), ("ish", ""), ("ish", "land"), ("ic", ""), ("ic", "a"), ("ine", "ina"))
_PLACE_KINDS = frozenset({"country", "region", "state", "continent"})


@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """True for an adjective of nationality or region ("Korean", "North Korean", "Japanese")."""
    if word in DEMONYM_FORMS:
        return True
    if word.endswith("s") and word[:-1] in DEMONYM_FORMS:
        return True
    table = place_table()
    for suffix, replacement in _DEMONYM_RULES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            entry = table.get(word[: -len(suffix)] + replacement)
            if entry is not None and entry.subtype in _PLACE_KINDS:
                return True
    head, _, last = word.rpartition(" ")
    return bool(head) and is_demonym(last)
