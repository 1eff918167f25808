"""Cue-word patterns the check-worthiness score counts: attribution, hedges, opinion, captions.

General English news vocabulary, compiled once at import.
"""
from __future__ import annotations

import re

# A source is named for the claim: the checker can go to it.
ATTRIBUTION_RE = re.compile(
    r"\b(?:according\s+to|said|says|told|reported|reports|announced|confirmed|stated|"
    r"tweeted|wrote|claimed|cited|quoted|testified|disclosed|revealed|estimated|"
    r"data\s+(?:show|showed)|figures\s+(?:show|showed)|statement)\b", re.I)

# The writer flags the claim as unverified: exactly what a checker should verify.
HEDGE_RE = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:believed|thought|said|reported|alleged|understood|"
    r"suspected|estimated)\s+to|reportedly|allegedly|purportedly|supposedly|apparently|"
    r"unconfirmed|unverified|unnamed|according\s+to|(?:sources|officials)\s+(?:say|said)|"
    r"it\s+is\s+(?:claimed|alleged|reported)|claims?\s+that|rumou?rs?)\b", re.I)

# Speculation, evaluation and framing: opinion rather than checkable fact.
OPINION_RE = re.compile(
    r"\b(?:might|may\s+be|could\s+be|perhaps|maybe|seems?|seemed|appears?\s+to|"
    r"arguably|likely\s+to|hopefully|i\s+think|we\s+believe|should|must|ought|"
    r"far\s+from|most\s+\w+est|most\s+\w+ed|one\s+of\s+the\s+most|the\s+most|"
    r"surprisingly|remarkably|clearly|obviously|of\s+course|"
    r"beautiful|terrible|great|best|worst|amazing|shocking|"
    r"tragic|disastrous|outrageous|ridiculous|brilliant|wonderful|horrible)\b", re.I)

# Photo captions and credits: scene-setting, not claims.
CAPTION_RE = re.compile(
    r"^\s*(?:in\s+this\s+(?:image|photo|picture|file\s+photo|undated)|photo\s*:|image\s*:|"
    r"file\s+photo)|\((?:[A-Z][\w.]*\s+)?(?:via\s+)?(?:AP|Reuters|AFP|Getty\s+Images|EPA)\)"
    r"|\b(?:photo|image)\s+(?:by|credit|courtesy)\b", re.I)

NUMBER_RE = re.compile(
    r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|"
    r"thousands?|millions?|billions?|first|second|third|fourth|fifth|tenth|\d+(?:st|nd|rd|th))\b",
    re.I)
YEAR_RE = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")

# Regular past-tense verbs ("supplied", "launched"): a rough stand-in for a
# VBD part-of-speech count, which ClaimBuster finds typical of factual claims.
PAST_EVENT_RE = re.compile(r"\b(?!(?:need|indeed|speed|seed|feed|bed|red|shed|breed|creed|greed|hundred|kindred)\b)[a-z]{2,}ed\b")
