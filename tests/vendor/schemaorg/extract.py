"""Write vocabulary.json: the part of schema.org's vocabulary the method pages' JSON-LD can use.

Run as `python extract.py schemaorg-current-https.jsonld > vocabulary.json` with the file of a
schema.org release. It keeps the types listed in TYPES and their ancestors, and every property
whose domain includes one of them, with its domains and ranges.
"""

from __future__ import annotations

import json
import sys

TYPES = (
    "WebPage",
    "ScholarlyArticle",
    "Person",
    "PropertyValue",
    "Periodical",
    "PublicationVolume",
    "PublicationIssue",
    "Book",
    "Organization",
    "SoftwareSourceCode",
)


def ids(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return [i["@id"].removeprefix("schema:") for i in items if isinstance(i, dict)]


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as source:
        graph = json.load(source)["@graph"]
    parents = {
        n["@id"].removeprefix("schema:"): ids(n.get("rdfs:subClassOf"))
        for n in graph
        if n["@type"] == "rdfs:Class" or "rdfs:Class" in n["@type"]
    }
    keep: set[str] = set()
    todo = list(TYPES)
    while todo:
        name = todo.pop()
        if name not in keep:
            keep.add(name)
            todo += parents.get(name, [])
    properties = {}
    for node in graph:
        if node["@type"] != "rdf:Property":
            continue
        domains = ids(node.get("schema:domainIncludes"))
        if keep & set(domains):
            properties[node["@id"].removeprefix("schema:")] = {
                "domains": sorted(domains),
                "ranges": sorted(ids(node.get("schema:rangeIncludes"))),
            }
    everything = {name: sorted(parents.get(name, [])) for name in parents}
    print(
        json.dumps(
            {"types": {n: everything.get(n, []) for n in sorted(everything)}, "properties": properties},
            indent=0,
            sort_keys=True,
        )
    )


if __name__ == "__main__":
    main()
