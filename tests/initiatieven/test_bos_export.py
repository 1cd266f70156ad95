"""Het bos for researchers: per-actor measures in the export, the network as GraphML."""

import csv
import io
import zipfile
from datetime import date

import networkx as nx
import pytest
from django.core.management import call_command
from frictionless import validate

from onderzoek.export import Export, pseudonymiser
from onderzoek.tables import TABLES_BY_NAME
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(buurt, other_buurt, settings):
    settings.EXPORT_PSEUDONYM_KEY = "test-key-" + "x" * 32
    a = f.make_actor(buurt, "Marie Peeters", soort="bewoner")
    mid = f.make_actor(buurt, "Okra")
    c = f.make_actor(buurt, "Femma")
    f.make_relatie(a, mid, intensiteit="doorverwijzen")
    f.make_relatie(mid, c)
    ended = f.make_relatie(c, a, sinds=date(2025, 1, 1), tot=date(2025, 6, 1))
    alone = f.make_actor(buurt, "Alleen")
    f.make_actor(other_buurt, "Elders")
    return {"a": a, "mid": mid, "c": c, "alone": alone, "ended": ended}


def _export(tmp_path, fmt="csv"):
    directory = tmp_path / fmt
    call_command(
        "onderzoek_export", "--buurt", "noord", "--format", fmt, "--output", str(directory)
    )
    return directory


def test_the_export_has_each_actors_measures_under_its_pseudonym(network, tmp_path, settings):
    directory = _export(tmp_path)
    with open(directory / "network_measures.csv", newline="", encoding="utf-8") as fh:
        rows = {row["actor"]: row for row in csv.DictReader(fh)}
    pseudonym = pseudonymiser(settings.EXPORT_PSEUDONYM_KEY.encode())
    mid = rows[pseudonym(network["mid"].pk)]
    assert (mid["relaties"], mid["teams"], mid["snijpunt"], mid["geisoleerd"]) == (
        "2",
        "0",
        "True",
        "False",
    )
    assert float(mid["betweenness"]) == pytest.approx(1.0)
    assert (mid["groep"], mid["groep_grootte"]) == ("1", "3")
    alone = rows[pseudonym(network["alone"].pk)]
    assert (alone["geisoleerd"], alone["groep"], alone["relaties"]) == ("True", "", "0")
    assert len(rows) == 4  # the other buurt's actor is not in this export
    text = (directory / "network_measures.csv").read_text() + (
        directory / "network.graphml"
    ).read_text()
    assert "Marie Peeters" not in text and "Okra" not in text


def test_the_graphml_loads_in_networkx_with_pseudonyms_and_every_relation(
    network, tmp_path, settings
):
    directory = _export(tmp_path)
    g = nx.read_graphml(directory / "network.graphml", force_multigraph=True)
    pseudonym = pseudonymiser(settings.EXPORT_PSEUDONYM_KEY.encode())
    assert set(g.nodes) == {pseudonym(network[k].pk) for k in ("a", "mid", "c", "alone")}
    assert g.nodes[pseudonym(network["a"].pk)] == {"soort": "bewoner", "buurt": "noord"}
    assert g.number_of_edges() == 3
    ended = [d for _u, _v, d in g.edges(data=True) if d["tot"]]
    assert ended == [
        {"id": network["ended"].pk, "intensiteit": "actief_afstemmen", "sinds": "2025-01-01",
         "tot": "2025-06-01"}
    ]  # fmt: skip


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_data_package_with_the_network_validates(network, tmp_path, fmt):
    directory = _export(tmp_path, fmt)
    report = validate(str(directory / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    codebook = (directory / "codebook.md").read_text()
    assert "## network_measures" in codebook and "## network (`network.graphml`)" in codebook


def test_the_zip_holds_the_graphml_only_with_the_relations(network):
    def names(tables):
        buffer = io.BytesIO()
        Export([network["a"].buurt], tables=[TABLES_BY_NAME[t] for t in tables]).write_zip(buffer)
        return set(zipfile.ZipFile(buffer).namelist())

    assert "network.graphml" in names(["actors", "relations"])
    assert "network.graphml" not in names(["actors", "network_measures"])
