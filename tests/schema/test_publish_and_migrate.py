"""Publishing versions: renamed labels mapped by new revisions, removed ones flagged, rebuilds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hitl_desktop.annotate import (
    Annotation,
    Box,
    Classification,
    commands,
    open_document,
    revisions,
    save,
)
from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.schema import (
    PublishRefused,
    diff_schemas,
    get_schema,
    latest_versions,
    list_versions,
    parse_schema,
    publish,
    recheck_queue,
    workspace_problems,
)
from hitl_desktop.workspace import Profile, Workspace
from hitl_desktop.workspace.projector import projection_digest
from hitl_desktop.workspace.queries import ItemFilter, page_items
from tests.schema.conftest import FUNSD_PAGE, SMS
from tests.support.replica import log_events, shuffled_replica

SCHEMA_TABLES = ("schema_versions", "schema_recheck", "annotation_revisions",
                 "annotation_parents", "annotation_heads")  # fmt: skip


def _items(ws: Workspace, tmp_path: Path) -> dict[str, str]:
    """The FUNSD page and three real SMS messages as text items; ids by name."""
    texts = []
    for i, line in enumerate(SMS.read_text(encoding="utf-8").splitlines()[1:4]):
        path = tmp_path / f"sms{i}.txt"
        path.write_text(line.split("\t", 1)[-1], encoding="utf-8")
        texts.append(path)
    import_paths(ws, [FUNSD_PAGE, *texts], ImportOptions(workers=1, source="schema-tests"))
    return {r.name: r.id for r in page_items(ws.reader(), ItemFilter(), 0, 100)}


def _label(ws: Workspace, item: str, schema_ref: str, *anns: Annotation) -> str:
    doc = open_document(ws, item)
    doc.schema_ref = schema_ref
    for ann in anns:
        doc.push(commands.add(doc, ann))
    event = save(ws, doc, note="by hand")
    assert event is not None
    return event.hash


def _labels(ws: Workspace, item: str) -> list[Any]:
    head = revisions.latest_head(ws.reader(), item)
    assert head is not None
    anns = revisions.revision_payload(ws.reader(), head.hash)["annotations"]
    return [a["label"] or a["shape"]["labels"] for a in anns]


def _tables(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    conn = ws.reader()
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in SCHEMA_TABLES}


def test_v2_maps_renamed_labels_flags_removed_ones_and_rebuilds_identically(
    workspace: Workspace, tmp_path: Path, v1: dict[str, Any], v2: dict[str, Any]
) -> None:
    ws = workspace
    ws.profile = Profile("Dr Ada", "expert")
    first = publish(ws, parse_schema(v1), note="first cut")
    assert first.diff is None and first.event.role == "expert"
    ids = _items(ws, tmp_path)
    page, (t0, t1, t2) = ids[FUNSD_PAGE.name], (ids["sms0.txt"], ids["sms1.txt"], ids["sms2.txt"])
    ws.profile = Profile("Sam", "worker")
    page_rev = _label(
        ws, page, "forms@1", Annotation(Box(40, 60, 300, 90), "header"),
        Annotation(Box(400, 60, 500, 120), "stamp"),
        Annotation(Box(40, 200, 300, 230), "question", {"kind": "date"}),
    )  # fmt: skip
    spam = _label(ws, t0, "forms@1", Annotation(Classification(("spam",))))
    ham = _label(ws, t1, "forms@1", Annotation(Classification(("ham",))))
    assert _label(ws, t2, "other@1", Annotation(Classification(("ham",))))

    with pytest.raises(PublishRefused, match="Sam is a worker; only an expert or an admin"):
        publish(ws, parse_schema(v2))
    ws.profile = Profile("Dr Ada", "expert")
    result = publish(ws, parse_schema(v2), note="header is a title; no more stamps")
    assert result.schema.parent_version == 1
    assert sorted(result.migrated) == sorted([page, t1]) and result.flagged == [page]

    # renamed labels are mapped by new revisions on top of the old ones, by the publisher
    assert _labels(ws, page) == ["title", "stamp", "question"]
    assert _labels(ws, t1) == [["legit"]] and _labels(ws, t0) == [["spam"]]
    assert _labels(ws, t2) == [["ham"]]  # saved under another schema: untouched
    head = revisions.latest_head(ws.reader(), page)
    assert head is not None and head.parents == (page_rev,)
    assert (head.actor, head.role, head.schema_ref) == ("Dr Ada", "expert", "forms@2")
    assert head.note == "schema forms v2: renamed header→title"
    assert revisions.latest_head(ws.reader(), t0).hash == spam  # type: ignore[union-attr]
    assert revisions.latest_head(ws.reader(), t1).parents == (ham,)  # type: ignore[union-attr]
    # the old revision still says "header": nothing rewritten in place
    assert revisions.revision_payload(ws.reader(), page_rev)["annotations"][0]["label"] == "header"

    queue = recheck_queue(ws.reader())
    assert [(q.item_id, q.schema_ref, q.reason) for q in queue] == [
        (page, "forms@2", "schema forms@2 removed label stamp")
    ]
    assert latest_versions(ws.reader()) == {"forms": 2}
    assert [p.schema.version for p in list_versions(ws.reader(), "forms")] == [1, 2]
    assert get_schema(ws.reader(), "forms").note == "header is a title; no more stamps"

    stamp = revisions.revision_payload(ws.reader(), page_rev)["annotations"][1]["id"]
    assert workspace_problems(ws.reader()) == [(page, "forms@2", f"box annotation {stamp}: label "
                                                "'stamp' is not in schema forms@2 (known: answer, "
                                                "question, title)")]  # fmt: skip
    checked = CliRunner().invoke(app, ["-w", str(ws.path), "schema", "check"])
    assert checked.exit_code == 1 and checked.stdout.startswith(f"{page}\tforms@2\tbox annotation")

    before = _tables(ws)
    assert ws.rebuild().identical
    assert _tables(ws) == before and recheck_queue(ws.reader()) == queue

    # a worker re-checks the page: saving it again takes it out of the queue
    ws.profile = Profile("Sam", "worker")
    doc = open_document(ws, page)
    doc.schema_ref = "forms@2"
    doc.push(commands.delete([doc.annotations[1].id]))
    assert save(ws, doc) is not None
    assert recheck_queue(ws.reader()) == []


def test_versions_must_follow_on_and_keep_their_name(
    workspace: Workspace, v1: dict[str, Any], v2: dict[str, Any]
) -> None:
    with pytest.raises(PublishRefused, match="forms is at version 0; the next version to "
                       "publish is 1, not 2"):  # fmt: skip
        publish(workspace, parse_schema(v2))
    publish(workspace, parse_schema(v1))
    with pytest.raises(PublishRefused, match=r"is at version 1; the next .* is 2, not 1"):
        publish(workspace, parse_schema(v1))
    assert latest_versions(workspace.reader()) == {"forms": 1}


def test_diff_reads_as_text(v1: dict[str, Any], v2: dict[str, Any]) -> None:
    v2["tasks"][0]["labels"][1]["attributes"][0]["required"] = False
    d = diff_schemas(parse_schema(v1), parse_schema(v2))
    assert d.renames("fields") == {"header": "title"} and d.renames("message") == {"ham": "legit"}
    assert d.removed("fields") == {"stamp"}
    assert d.text() == "\n".join([
        "forms v1 -> v2",
        "~ renamed label fields: header -> title",
        "* changed label fields: question",
        "    * attribute kind: required True -> False",
        "+ added label fields: answer",
        "- removed label fields: stamp",
        "~ renamed label message: ham -> legit",
    ])  # fmt: skip
    assert d.to_json()["labels"][0] == {"task": "fields", "label": "title", "change": "renamed",
                                        "old_name": "header", "details": []}  # fmt: skip


def test_renames_compose_across_versions_for_items_saved_under_old_ones(
    workspace: Workspace, tmp_path: Path, v1: dict[str, Any], v2: dict[str, Any]
) -> None:
    ws = workspace
    publish(ws, parse_schema(v1))
    ids = _items(ws, tmp_path)
    page, sms = ids[FUNSD_PAGE.name], ids["sms0.txt"]
    spam = _label(ws, sms, "forms@1", Annotation(Classification(("spam",))))
    publish(ws, parse_schema(v2))
    assert revisions.latest_head(ws.reader(), sms).hash == spam  # type: ignore[union-attr]
    # a replica still on v1 labels the page after v2 was published (header, and stamp)
    _label(ws, page, "forms@1", Annotation(Box(40, 60, 300, 90), "header"),
           Annotation(Box(400, 60, 500, 120), "stamp"))  # fmt: skip
    v3 = dict(v2, version=3)
    fields, message = (dict(t) for t in v2["tasks"])
    fields["labels"] = [{**fields["labels"][0], "name": "heading", "renamed_from": "title"},
                        *fields["labels"][1:]]  # fmt: skip
    message["labels"] = [{**message["labels"][0], "name": "junk", "renamed_from": "spam"},
                         message["labels"][1]]  # fmt: skip
    v3["tasks"] = [fields, message]
    result = publish(ws, parse_schema(v3), note="headings; junk")
    assert sorted(result.migrated) == sorted([page, sms])
    assert _labels(ws, page) == ["heading", "stamp"] and _labels(ws, sms) == [["junk"]]
    head = revisions.latest_head(ws.reader(), page)
    assert head is not None and head.note == "schema forms v3: renamed header→heading"
    assert [(q.item_id, q.reason) for q in recheck_queue(ws.reader())] == [
        (page, "schema forms@3 removed label stamp")
    ]
    assert ws.rebuild().identical


def test_tables_do_not_depend_on_arrival_order_and_the_earlier_duplicate_wins(
    workspace: Workspace, tmp_path: Path, v1: dict[str, Any], v2: dict[str, Any]
) -> None:
    ws = workspace
    publish(ws, parse_schema(v1))
    ids = _items(ws, tmp_path)
    _label(ws, ids[FUNSD_PAGE.name], "forms@1", Annotation(Box(1, 1, 9, 9), "stamp"))
    _label(ws, ids["sms1.txt"], "forms@1", Annotation(Classification(("ham",))))
    first = publish(ws, parse_schema(v2), note="ours").event
    # another replica published its own v2 concurrently (appended raw, as sync would)
    rival = dict(v2, instructions="theirs")
    ws.append([ws.draft("schema.published", {"name": "forms", "version": 2, "parent_version": 1,
                                             "definition": rival, "note": "theirs"})])  # fmt: skip
    assert get_schema(ws.reader(), "forms", 2).hash == first.hash

    events = log_events(ws.db_path)
    names = list(SCHEMA_TABLES)
    digests = []
    for seed in (1, 2, 3):
        replica, projections = shuffled_replica(events, seed, batch=2)
        digests.append({k: v for k, v in projection_digest(replica, projections).items()
                        if k in names})  # fmt: skip
        assert [e.item_id for e in recheck_queue(replica)] == [ids[FUNSD_PAGE.name]]
    ours = {k: v for k, v in ws.projection_digest().items() if k in names}
    assert len(ours) == len(names) and digests[0] == digests[1] == digests[2] == ours
