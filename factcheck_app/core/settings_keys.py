"""The settings a checker reads and changes: their names, where each is kept, and what it is for."""
from __future__ import annotations

from dataclasses import dataclass

ORGANISATION_NAME = "organisation.name"
ORGANISATION_URL = "organisation.url"
METHODOLOGY = "report.methodology"


@dataclass(frozen=True)
class SettingKey:
    """A setting: its name on the command line, its key in the library, what it is, where it is kept."""

    name: str
    key: str
    help: str
    in_library: bool = True


SETTINGS = (
    SettingKey("organisation", ORGANISATION_NAME, "the checking organisation's name (reports, ClaimReview)"),
    SettingKey("organisation-url", ORGANISATION_URL, "the organisation's web address"),
    SettingKey("methodology", METHODOLOGY, "the methodology note every report carries"),
    SettingKey("user", "user", "your name, recorded on what you check (kept for you, not in the library)",
               in_library=False),
)
