"""The extraction result types: their JSON shape is the batch contract."""


def test_facet_to_dict_names_every_field():
    from dataclasses import asdict, fields

    from factcheck_app.core.extraction import Facet

    facet = Facet("quantity", 3, 21, "59 cruise missiles", 59, "cruise missiles", None, "count", True)
    assert facet.to_dict() == asdict(facet)
    assert list(facet.to_dict()) == [f.name for f in fields(Facet)]
