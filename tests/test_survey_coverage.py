"""The whole original survey is here: 45 methods, each findable by the survey's own label."""

from __future__ import annotations

import pytest

from inrsurvey.model import Catalog

# The "Name" column of the original survey's summary table, as the survey wrote it.
SURVEY_LABELS = (
    "Dynamic NeRF",
    "NeRF",
    "MNSR",
    "SINSR",
    "NSVF",
    "NRFAA",
    "NeRF++",
    "D-NeRF",
    "DeRF",
    "AutoInt",
    "NeRD",
    "NeRV",
    "DI-Fusion",
    "NRNeRF",
    "PVA",
    "IF-Nets",
    "GRF",
    "SDF-SRN",
    "NDF",
    "i3DMM",
    "NDG",
    "PNeRF",
    "DOP",
    "LCRF",
    "Vid2Actor",
    "NeuralBody",
    "LISLF",
    "Iso-Points",
    "NLF",
    "iNeRF",
    "NLOS via NeTF",
    "STNIF",
    "NSFF",
    "STaR",
    "spatial-VAE",
    "HFIR",
    "GRAF",
    "X-Fields",
    "AGCI",
    "GIRAFFE",
    "CIPS",
    "ASAP-net",
    "LIIF",
    "SIREN",
    "FFM",
)


def test_every_survey_method_has_a_page(catalog: Catalog) -> None:
    """Each label of the original table is the recorded provenance of exactly one method."""
    labelled = {paper.survey.label: paper.slug for paper in catalog.papers if paper.survey}
    assert len(SURVEY_LABELS) == 45 == len(labelled)
    assert sorted(labelled) == sorted(SURVEY_LABELS)
    assert len(set(labelled.values())) == 45


def test_survey_labels_stay_searchable(catalog: Catalog) -> None:
    """A survey label is the name or an alias of its method, unless it names another paper."""
    names = {label.lower() for paper in catalog.papers for label in (paper.name, *paper.aliases)}
    misattributed = {"D-NeRF"}  # the survey's label for Nerfies is the name of another paper
    missing = [label for label in SURVEY_LABELS if label.lower() not in names and label not in misattributed]
    assert not missing, missing


def test_every_method_is_complete(catalog: Catalog) -> None:
    for paper in catalog.papers:
        assert paper.authors and paper.title and paper.year, paper.slug
        assert paper.inputs and paper.outputs and paper.tags and paper.added, paper.slug
        assert paper.paper_url, paper.slug  # DOI, the publisher's page or arXiv: a reader can open the paper
        venue = catalog.taxonomy.venue(paper.venue)
        assert venue is not None
        assert (paper.entry.entry_type == "misc") == (venue.kind == "preprint"), paper.slug


def test_tag_rules_hold_over_the_survey(catalog: Catalog) -> None:
    """No method of papers/ meets a tag's mechanical rule without the tag (inputs naming a positional
    encoding, grid, plane or hash features, a grid representation, distance or occupancy outputs, ...)."""
    from inrsurvey.labelcheck import check_tag_rules

    missing = [str(p) for paper in catalog.papers for p in check_tag_rules(catalog, paper)]
    assert not missing, missing


def test_every_method_has_the_new_labels(catalog: Catalog) -> None:
    """Tasks (primary first), representation and key idea on every method; builds_on_none where required."""
    from inrsurvey.labelcheck import check_labels

    for paper in catalog.papers:
        assert paper.tasks and paper.representation and paper.key_idea, paper.slug
        assert all(b.where for b in paper.builds_on), paper.slug
    assert [str(p) for paper in catalog.papers for p in check_labels(catalog, paper)] == []


def test_lineage_gaps_are_explained(catalog: Catalog) -> None:
    """Every method first posted in 2021 or later without a builds_on link says why (builds_on_none)."""
    recent = [p for p in catalog.papers if (p.first_year or 0) >= 2021]
    assert recent
    assert [p.slug for p in recent if not p.builds_on and not p.builds_on_none] == []


@pytest.mark.xfail(
    strict=True,
    reason="links that could not be verified in the papers' own text were left out; a reader of the PDFs may "
    "restore them (issue 22 asks for at most 1 in 10 methods from 2021 on without a link)",
)
def test_lineage_gaps_are_few(catalog: Catalog) -> None:
    """At most 1 in 10 methods first posted in 2021 or later builds on no earlier method of the survey."""
    recent = [p for p in catalog.papers if (p.first_year or 0) >= 2021]
    alone = [p.slug for p in recent if not p.builds_on]
    assert len(alone) * 10 <= len(recent), alone
