"""Building claims, sources and a claim panel for the claim-panel tests, without the extractor."""
from __future__ import annotations

from factcheck_app import user_profile
from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim
from factcheck_app.store.articles import import_article
from factcheck_app.store.sources import add_source
from factcheck_app.ui.commands.op_runner import OpRunner
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.panes import claim_panel

TITLE = "Strike on the airbase"
CLAIMS = (
    "The United States fired 59 cruise missiles at the Shayrat airbase on 7 April 2017.",
    "The Kibar nuclear site was destroyed by an Israeli airstrike in 2007.",
)


def import_claims(db, claims: tuple[str, ...] = CLAIMS, title: str = TITLE) -> list[str]:
    """Import a small article whose sentences are ``claims``; return the claim ids in order."""
    body = title + "\n" + " ".join(claims)
    extracted = []
    for text in claims:
        start = body.index(text)
        extracted.append(ExtractedClaim(start, start + len(text), text, 0.8))
    article = ExtractedArticle(body=body, title=title, published="2017-04-08", claims=extracted)
    return import_article(db, article, "test").claim_ids


def add_sources(db) -> dict[str, str]:
    """Add three sources (two publishers share nothing, the third repeats the first's); return ids by key."""
    return {
        "pentagon": add_source(db, "Pentagon statement on the Shayrat strike", publisher="US Department of Defense"),
        "imagery": add_source(db, "Satellite imagery of Shayrat airbase", publisher="DigitalGlobe"),
        "briefing": add_source(db, "Pentagon press briefing transcript", publisher="US Department of Defense"),
    }


def strip_times(row: dict | None, *extra: str) -> dict | None:
    """Return ``row`` without its updated_at (and ``extra``) columns, for comparing store rows."""
    if row is None:
        return None
    return {k: v for k, v in row.items() if k not in ("updated_at", *extra)}


def runner_on(library) -> OpRunner:
    """Return an OpRunner (the window's way of running operations) on ``library``."""
    runner = OpRunner()
    runner.set_library(library)
    return runner


class PanelHarness:
    """A ClaimPanel on its own runner and undo stack, working as "ana", with refusals collected instead of shown."""

    def __init__(self, qtbot, library, monkeypatch) -> None:
        self.errors: list[str] = []
        monkeypatch.setattr(claim_panel, "show_error", lambda parent, message: self.errors.append(message))
        monkeypatch.setattr(prompts, "message", lambda parent, level, title, text, *a, **k: self.errors.append(text))
        user_profile.set_user_name("ana")
        self.runner = runner_on(library)
        self.stack = self.runner.undo_stack
        self.panel = claim_panel.ClaimPanel(self.runner)
        self.panel.set_checker_name("ana")
        qtbot.addWidget(self.panel)
        self.panel.resize(450, 800)
        self.changed: list[str] = []
        self.runner.changed.connect(lambda changes: self.changed.extend(sorted(changes.claim_ids)))
        self.claims = import_claims(library.db)
        self.sources = add_sources(library.db)
