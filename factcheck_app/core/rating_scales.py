"""Rating scales: ordered steps, each with a label, a colour and a number (ClaimReview needs one).

Steps marked ``off_scale`` (Unverifiable, Verdict pending, a flip-flop) are results that
sit beside the true-to-false axis; a claim with no verdict at all is "Not yet checked",
which is not a step of any scale.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

NOT_YET_CHECKED = "Not yet checked"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class ScaleError(ValueError):
    """A rating scale definition is not usable; the message says why."""


@dataclass(frozen=True)
class RatingStep:
    """One rating: its label, colour (#rrggbb), number, description and whether it is off the numeric axis."""

    label: str
    value: int
    colour: str
    description: str = ""
    off_scale: bool = False


@dataclass(frozen=True)
class RatingScale:
    """A named, ordered list of steps, best first."""

    name: str
    title: str
    steps: tuple[RatingStep, ...]
    description: str = ""
    builtin: bool = False
    _by_label: dict = field(default_factory=dict, compare=False, repr=False)

    def step(self, label: str) -> RatingStep:
        """Return the step whose label matches ``label`` (case-insensitive); raise ScaleError if none."""
        wanted = label.strip().casefold()
        for step in self.steps:
            if step.label.casefold() == wanted:
                return step
        labels = ", ".join(s.label for s in self.steps)
        raise ScaleError(f"'{label}' is not a rating on {self.named} (choose one of: {labels}).")

    @property
    def named(self) -> str:
        """Return the scale as a sentence names it: "the Six-step truth scale", "the Stars scale".

        Never "the Six-step truth scale scale".
        """
        title = self.title.strip()
        return f"the {title}" if title.casefold().endswith("scale") else f"the {title} scale"

    @property
    def best(self) -> int:
        """Return the highest number among on-scale steps (ClaimReview bestRating)."""
        return max(s.value for s in self.steps if not s.off_scale)

    @property
    def worst(self) -> int:
        """Return the lowest number among on-scale steps (ClaimReview worstRating)."""
        return min(s.value for s in self.steps if not s.off_scale)

    def to_dict(self) -> dict:
        """Return the scale as JSON-ready data (the shape parse_scale reads)."""
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "steps": [asdict(s) for s in self.steps],
        }


def parse_scale(data: dict, *, builtin: bool = False) -> RatingScale:
    """Validate a scale definition (as in resources/scales/*.json) and return it; raise ScaleError if unfit."""
    if not isinstance(data, dict):
        raise ScaleError("A rating scale must be an object with name, title and steps.")
    name = str(data.get("name", "")).strip()
    if not _NAME.match(name):
        raise ScaleError("A scale name is 1-64 lower-case letters, digits, '-' or '_'.")
    title = str(data.get("title") or name).strip()
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise ScaleError(f"Scale '{name}' has no steps.")
    steps: list[RatingStep] = []
    seen: set[str] = set()
    for raw in raw_steps:
        if not isinstance(raw, dict):
            raise ScaleError(f"Scale '{name}': every step needs a label, a value and a colour.")
        label = str(raw.get("label", "")).strip()
        if not label:
            raise ScaleError(f"Scale '{name}': a step has no label.")
        if label.casefold() in seen or label.casefold() == NOT_YET_CHECKED.casefold():
            raise ScaleError(f"Scale '{name}': the label '{label}' is used twice or reserved.")
        seen.add(label.casefold())
        try:
            value = int(raw.get("value"))
        except (TypeError, ValueError) as exc:
            raise ScaleError(f"Scale '{name}': step '{label}' needs a whole-number value.") from exc
        colour = str(raw.get("colour", "")).strip()
        if not _COLOUR.match(colour):
            raise ScaleError(f"Scale '{name}': step '{label}' needs a colour as #rrggbb.")
        steps.append(
            RatingStep(label, value, colour.lower(), str(raw.get("description") or ""), bool(raw.get("off_scale")))
        )
    if not any(not s.off_scale for s in steps):
        raise ScaleError(f"Scale '{name}' needs at least one step on the scale.")
    return RatingScale(name, title, tuple(steps), str(data.get("description") or ""), builtin)
