"""The relations as a network file beside the tables: GraphML, which Gephi, networkx, R's
igraph and Cytoscape open as they are.

It comes with the relations table. Nodes are actors by their pseudonym (the same as in the
tables), with their kind and buurt; edges are relations, ended ones included (with their
end date), so a researcher can rebuild the network on any date. Two actors can have had
several relations over time: a multigraph. No names, whatever the export's mode: the tables
carry what may be named.
"""

import io

import networkx as nx

from buurt.models import Actor, Relatie

NAME = "network.graphml"
MEDIATYPE = "application/graphml+xml"


def graph(export):
    pseudonym = export.pseudonym
    g = nx.MultiGraph(name="zorgzaam relations")
    actors = Actor.objects.filter(buurt__in=export.buurten).order_by("pk")
    for pk, soort, slug in actors.values_list("pk", "soort", "buurt__slug").iterator():
        g.add_node(pseudonym(pk), soort=soort, buurt=slug)
    relaties = Relatie.objects.filter(buurt__in=export.buurten).order_by("pk")
    rows = relaties.values_list("pk", "van_id", "naar_id", "intensiteit", "sinds", "tot")
    for pk, van, naar, intensiteit, sinds, tot in rows.iterator():
        g.add_edge(
            pseudonym(van),
            pseudonym(naar),
            key=pk,
            id=pk,
            intensiteit=intensiteit,
            sinds=sinds.isoformat(),
            tot=tot.isoformat() if tot else "",
        )
    return g


def _wanted(export):
    """The network file comes with the relations table."""
    return any(table.name == "relations" for table in export.tables)


def files(export):
    """(name, bytes) of the files beside the tables."""
    if not _wanted(export):
        return []
    buffer = io.BytesIO()
    nx.write_graphml(graph(export), buffer, encoding="utf-8")
    return [(NAME, buffer.getvalue())]


def resources(export):
    if not _wanted(export):
        return []
    return [
        {
            "name": "network",
            "path": NAME,
            "profile": "data-resource",
            "title": "Network of relations",
            "description": DESCRIPTION,
            "format": "graphml",
            "mediatype": MEDIATYPE,
            "encoding": "utf-8",
        }
    ]


DESCRIPTION = (
    "The relations between actors as a GraphML multigraph (opens in Gephi, networkx, igraph). "
    "Node id: the actor's pseudonym, as in actors.actor; node attributes soort and buurt. "
    "Edge attributes: id (as in relations.id), intensiteit, sinds and tot (ISO dates; tot "
    "empty while the relation runs). Network measures per actor: see network_measures."
)


def codebook(export):
    if not _wanted(export):
        return []
    return [f"## network (`{NAME}`)", "", DESCRIPTION, ""]
