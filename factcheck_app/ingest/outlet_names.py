"""The publication's name for a web page: from its address when the site is known, else the
name the page gives itself (site name, publisher), never a section ("U.S."), a handle
("@politifact"), a bare domain word ("usatoday") or a host label ("Hosted").

Extend ``DOMAIN_OUTLETS`` freely: a domain and every subdomain of it map to one name.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from factcheck_app.ingest.outlets import KNOWN_OUTLETS

DOMAIN_OUTLETS: dict[str, str] = {
    "nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post", "wsj.com": "The Wall Street Journal",
    "usatoday.com": "USA Today", "latimes.com": "Los Angeles Times", "chicagotribune.com": "Chicago Tribune",
    "bostonglobe.com": "The Boston Globe", "theguardian.com": "The Guardian", "telegraph.co.uk": "The Telegraph",
    "independent.co.uk": "The Independent", "ft.com": "Financial Times", "economist.com": "The Economist",
    "bbc.com": "BBC News", "bbc.co.uk": "BBC News", "cnn.com": "CNN", "foxnews.com": "Fox News",
    "foxbusiness.com": "Fox Business", "nbcnews.com": "NBC News", "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News",
    "npr.org": "NPR", "reuters.com": "Reuters", "apnews.com": "AP News", "ap.org": "Associated Press", "afp.com": "AFP",
    "bloomberg.com": "Bloomberg", "politico.com": "Politico", "axios.com": "Axios", "theatlantic.com": "The Atlantic",
    "newyorker.com": "The New Yorker", "vox.com": "Vox", "huffpost.com": "HuffPost", "aljazeera.com": "Al Jazeera",
    "dailymail.co.uk": "Daily Mail", "thesun.co.uk": "The Sun", "mirror.co.uk": "The Mirror", "express.co.uk": "Daily Express",
    "standard.co.uk": "Evening Standard", "news.sky.com": "Sky News", "thehill.com": "The Hill", "newsweek.com": "Newsweek",
    "time.com": "Time", "forbes.com": "Forbes", "businessinsider.com": "Business Insider", "cnbc.com": "CNBC",
    "thedailybeast.com": "The Daily Beast", "slate.com": "Slate", "salon.com": "Salon", "vice.com": "Vice",
    "propublica.org": "ProPublica", "theintercept.com": "The Intercept", "dw.com": "DW", "france24.com": "France 24",
    "euronews.com": "Euronews", "irishtimes.com": "The Irish Times", "theglobeandmail.com": "The Globe and Mail",
    "thestar.com": "Toronto Star", "cbc.ca": "CBC News", "smh.com.au": "The Sydney Morning Herald", "theage.com.au": "The Age",
    "thehindu.com": "The Hindu", "timesofindia.indiatimes.com": "The Times of India", "hindustantimes.com": "Hindustan Times",
    "scmp.com": "South China Morning Post", "straitstimes.com": "The Straits Times", "japantimes.co.jp": "The Japan Times",
    "haaretz.com": "Haaretz", "timesofisrael.com": "The Times of Israel", "jpost.com": "The Jerusalem Post",
    "miamiherald.com": "Miami Herald", "seattletimes.com": "The Seattle Times", "denverpost.com": "The Denver Post",
    "houstonchronicle.com": "Houston Chronicle", "sfchronicle.com": "San Francisco Chronicle",
    "inquirer.com": "The Philadelphia Inquirer", "newsday.com": "Newsday", "csmonitor.com": "The Christian Science Monitor",
    "news.yahoo.com": "Yahoo News", "msnbc.com": "MSNBC", "washingtontimes.com": "The Washington Times",
    "nypost.com": "New York Post", "rt.com": "RT", "politifact.com": "PolitiFact", "snopes.com": "Snopes",
    "factcheck.org": "FactCheck.org", "fullfact.org": "Full Fact", "leadstories.com": "Lead Stories",
}
# Names that are a section, a host label or a generic word, never the publication.
NOT_OUTLETS = frozenset(
    "u.s. us uk world news politics business home opinion sport sports tech technology entertainment health "
    "science local nation national europe asia africa americas latest breaking hosted article articles story "
    "video videos live blog blogs index homepage amp".split()
) | {"middle east", "top stories", "breaking news", "u.s. news", "world news", "us news", "uk news"}
_SEPARATORS = re.compile(r"\s+[|–—:·-]\s+")
_KEY = re.compile(r"[^a-z0-9]")


def _key(name: str) -> str:
    return _KEY.sub("", name.lower().removeprefix("the "))


_BY_KEY = {_key(name): name for name in (*KNOWN_OUTLETS, *DOMAIN_OUTLETS.values())}


def host_outlet(url: str | None) -> str | None:
    """Return the known publication of ``url``'s site ("https://www.reuters.com/..." -> "Reuters"), or None."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    host = host.removeprefix("www.")
    while host:
        if host in DOMAIN_OUTLETS:
            return DOMAIN_OUTLETS[host]
        _, _, host = host.partition(".")
    return None


def known_outlet(name: str | None) -> str | None:
    """Return the display name of a known publication written any way ("usatoday", "@politifact"), or None."""
    if not name:
        return None
    return _BY_KEY.get(_key(name.strip().lstrip("@")))


def clean_site_name(name: str | None) -> str | None:
    """Return the publication's name from a site name or publisher value, or None when it is
    a section, a handle, a domain word or a host label rather than a name."""
    if not name:
        return None
    name = " ".join(name.split())
    known = known_outlet(name)
    if known:
        return known
    parts = [part.strip() for part in _SEPARATORS.split(name) if part.strip()]
    for part in parts:  # "The Jerusalem Post | JPost.com": a known part wins
        if known_outlet(part):
            return known_outlet(part)
    for part in parts:
        bare = part.lstrip("@")
        if part.startswith("@") or bare.lower() in NOT_OUTLETS or re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", bare):
            continue
        if bare.islower() and " " not in bare:  # "usatoday": a domain word, not a name
            continue
        return bare
    return None


def is_outlet_name(name: str, *site_names: str | None) -> bool:
    """Whether ``name`` names a publication (a known one, or one of this page's own names)."""
    key = _key(name)
    return bool(key) and (key in _BY_KEY or any(site and _key(site) == key for site in site_names))
