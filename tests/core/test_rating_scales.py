import json
from importlib import resources

import pytest

from factcheck_app.core.rating_scales import NOT_YET_CHECKED, ScaleError, parse_scale


def _scale(**overrides):
    data = {
        "name": "simple",
        "title": "Simple",
        "steps": [
            {"label": "Right", "value": 2, "colour": "#00aa00"},
            {"label": "Wrong", "value": 1, "colour": "#aa0000"},
            {"label": "Unverifiable", "value": 0, "colour": "#777777", "off_scale": True},
        ],
    }
    data.update(overrides)
    return data


def test_parse_scale_orders_steps_and_reports_bounds():
    scale = parse_scale(_scale())
    assert [s.label for s in scale.steps] == ["Right", "Wrong", "Unverifiable"]
    assert (scale.best, scale.worst) == (2, 1)  # off-scale steps do not widen the range
    assert scale.step("right").label == "Right"


def test_unknown_rating_names_the_choices():
    with pytest.raises(ScaleError, match="Right, Wrong, Unverifiable"):
        parse_scale(_scale()).step("Maybe")


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"name": "Bad Name"}, "lower-case"),
        ({"steps": []}, "no steps"),
        ({"steps": [{"label": "A", "value": "x", "colour": "#000000"}]}, "whole-number"),
        ({"steps": [{"label": "A", "value": 1, "colour": "red"}]}, "#rrggbb"),
        ({"steps": [{"label": "A", "value": 1, "colour": "#000000"}, {"label": "a", "value": 2, "colour": "#000000"}]}, "twice"),
        ({"steps": [{"label": NOT_YET_CHECKED, "value": 1, "colour": "#000000"}]}, "reserved"),
        ({"steps": [{"label": "A", "value": 0, "colour": "#000000", "off_scale": True}]}, "at least one"),
    ],
)
def test_invalid_scales_are_refused_with_a_reason(overrides, message):
    with pytest.raises(ScaleError, match=message):
        parse_scale(_scale(**overrides))


def test_builtin_scales_parse_and_cover_the_issue_steps():
    folder = resources.files("factcheck_app.resources") / "scales"
    scales = {
        s.name: s
        for s in (parse_scale(json.loads(f.read_text(encoding="utf-8"))) for f in folder.iterdir() if f.name.endswith(".json"))
    }
    assert [s.label for s in scales["truth"].steps][:6] == [
        "True", "Mostly true", "Half true", "Mostly false", "False", "Pants on fire"]
    pinocchio = [s.label for s in scales["pinocchio"].steps]
    assert {"Geppetto checkmark", "Four Pinocchios", "Upside-down Pinocchio", "Verdict pending"} <= set(pinocchio)
    assert {"False", "Altered", "Partly false", "Missing context", "Satire", "True"} <= {
        s.label for s in scales["labels"].steps}
    for scale in scales.values():
        assert scale.step("Unverifiable").off_scale
        assert NOT_YET_CHECKED not in [s.label for s in scale.steps]
