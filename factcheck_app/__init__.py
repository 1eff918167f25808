"""Factcheck Desk: an offline fact-checking desk (extraction, evidence store, verdict reports)."""

__version__ = "0.1.0"
APP_NAME = "Factcheck Desk"
APP_ID = "org.factcheckdesk.FactcheckDesk"
