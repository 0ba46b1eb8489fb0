"""A stand-in for the GUI in the crash-safety tests: endless edits through core.operations.

    python tests/robustness/editor_process.py DB SEED
    python tests/robustness/editor_process.py --fork-server


Opens (or creates) DB, imports the test article if the database is empty, then
edits it at random forever, the way the GUI does: add, accept, reject,
relabel, delete and undo entities; add facts, set and clear their slots;
change the article's status; and merge engine suggestions as the background
extraction does. After each edit's transaction has committed it prints one
line, `<edit id> <op> <target>` (edit id 0 for a merge, which is not
journaled), and flushes, so whatever the test read from stdout is durable.

With --fork-server the modules are imported once; each `DB SEED` line read
from stdin forks a fresh editor process, which prints `pid N` first. The test
SIGKILLs that pid; the server reaps it and prints `reaped`, after everything
the editor wrote. Start-up then costs a fork, not a Python start, so a test
can afford many kills.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core import operations as ops  # noqa: E402
from core.errors import UserError  # noqa: E402
from core.model import (  # noqa: E402
    Analysis,
    ArticleStatus,
    FactProposal,
    FactType,
    Label,
    SlotValue,
    Span,
    Status,
)
from core.store import NewArticle, Store  # noqa: E402
from core.text import OffsetMap  # noqa: E402

TEXT = (
    "9月21日，德州经开区管委会副主任李爱军在济南介绍，上海逸众医疗科技有限公司投资2.1亿元，"
    "建设瓶装消毒剂泵头项目。山东省发改委主任王志强表示，该项目年产值增长15%，"
    "将带动德州市就业3000人。经开区今年签约项目24个，总投资186亿元。"
)
WORDS = ["9月21日", "德州经开区", "管委会", "副主任", "李爱军", "济南", "上海逸众医疗科技有限公司",
         "2.1亿元", "瓶装消毒剂泵头项目", "山东省发改委", "主任", "王志强", "15%", "德州市",
         "3000人", "经开区", "今年", "24个", "186亿元", "德州", "上海", "项目"]
ANNOTATOR = "crash-test"


def spans() -> list[tuple[int, int, str]]:
    out = []
    for word in WORDS:
        start = TEXT.find(word)
        while start != -1:
            out.append((start, start + len(word), word))
            start = TEXT.find(word, start + 1)
    return out


SPANS = spans()


def last_edit(store: Store) -> int:
    return store.conn.execute("SELECT max(id) FROM edits").fetchone()[0]


def step(store: Store, rng: random.Random, counter: int) -> tuple[int, str, int] | None:
    """One random edit; returns (edit id, op, target) once committed, or None if refused."""
    entities = store.entities(1)
    facts = store.facts(1)
    choice = rng.choice(["add", "add", "accept", "reject", "relabel", "delete", "fact", "slot",
                         "clear", "delfact", "status", "merge", "merge", "accept_all"])
    if choice == "add":
        start, end, _ = rng.choice(SPANS)
        edit = ops.add_entity(store, 1, start, end, rng.choice(list(Label)), annotator=ANNOTATOR)
        return edit.edit_id, "add_entity", edit.entity_id
    if choice == "merge":
        picked = rng.sample(SPANS, k=rng.randint(1, 8))
        found = [Span(s, e, rng.choice(list(Label)), w) for s, e, w in picked]
        facts_out = [FactProposal(FactType.EVENT, {"action": SlotValue(literal=f"签约{counter}"),
                                                  "place": SlotValue(entity=0)})]
        found[0] = Span(found[0].start, found[0].end, Label.LOC, found[0].text)
        store.merge_suggestions(1, Analysis(found, facts_out, "crash-test", "m"))
        return 0, "merge", 1
    if choice == "fact":
        slots = {"action": SlotValue(literal=f"动作{counter}")}
        places = [e for e in entities if e.label is Label.LOC and e.status is not Status.REJECTED]
        if places:
            slots["place"] = SlotValue(entity=rng.choice(places).id)
        fact_id = ops.add_fact(store, 1, FactType.EVENT, slots, annotator=ANNOTATOR)
        return last_edit(store), "add_fact", fact_id
    if choice == "status":
        status = rng.choice(list(ArticleStatus))
        ops.set_article_status(store, 1, status, annotator=ANNOTATOR)
        return last_edit(store), "article_status", 1
    if choice == "accept_all":
        if not ops.accept_all(store, 1, annotator=ANNOTATOR):
            return None
        return last_edit(store), "accept_all", 1
    if choice in ("slot", "clear", "delfact"):
        event_facts = [f for f in facts if f.type is FactType.EVENT]
        if not event_facts:
            return None
        fact = rng.choice(event_facts)
        if choice == "delfact":
            before = ops.delete_fact(store, fact.id, annotator=ANNOTATOR)
            if rng.random() < 0.3:  # undo right away, as Ctrl+Z would
                ops.restore_fact(store, before, annotator=ANNOTATOR)
                return last_edit(store), "restore_fact", fact.id
            return last_edit(store), "delete_fact", fact.id
        role = "action" if choice == "slot" else "date"
        value = SlotValue(literal=f"值{counter}") if choice == "slot" or rng.random() < 0.5 else None
        ops.set_fact_slot(store, fact.id, role, value, annotator=ANNOTATOR)
        return last_edit(store), "set_fact_slot", fact.id
    if not entities:
        return None
    entity = rng.choice(entities)
    if choice == "accept":
        ops.set_entity_status(store, [entity.id], Status.ACCEPTED, annotator=ANNOTATOR)
        return last_edit(store), "entity_accepted", entity.id
    if choice == "reject":
        ops.set_entity_status(store, [entity.id], Status.REJECTED, annotator=ANNOTATOR)
        return last_edit(store), "entity_rejected", entity.id
    if choice == "relabel":
        ops.relabel_entity(store, entity.id, rng.choice(list(Label)), annotator=ANNOTATOR)
        return last_edit(store), "relabel_entity", entity.id
    edit = ops.delete_entity(store, entity.id, annotator=ANNOTATOR)
    if rng.random() < 0.3:
        ops.restore_entities(store, edit.removed, edit.removed_slots, annotator=ANNOTATOR)
        return last_edit(store), "restore_entities", entity.id
    return edit.edit_id, "delete_entity", entity.id


def say(*words) -> None:
    """One line in one write(2): the tests run unbuffered, and print(*words) writes each
    word separately, so a SIGKILL between two writes would leave a torn line."""
    sys.stdout.write(" ".join(map(str, words)) + "\n")  # < PIPE_BUF: atomic on a pipe
    sys.stdout.flush()


def edit_forever(db: str, seed: int) -> None:
    rng = random.Random(seed)
    store = Store(db)
    if store.article_count() == 0:
        store.add_articles([NewArticle("crash", TEXT, TEXT, OffsetMap.identity(len(TEXT)), "simplified")])
    say("ready")
    counter = seed * 1_000_000
    while True:
        counter += 1
        try:
            done = step(store, rng, counter)
        except UserError:  # an overlap or a vanished id: the GUI shows it and goes on
            continue
        if done is not None:
            say(*done)


def fork_server() -> None:
    import os

    for line in sys.stdin:
        db, seed = line.split()
        pid = os.fork()
        if pid == 0:
            say("pid", os.getpid())
            try:
                edit_forever(db, int(seed))
            finally:
                os._exit(1)
        os.waitpid(pid, 0)
        say("reaped")


if __name__ == "__main__":
    if sys.argv[1] == "--fork-server":
        fork_server()
    else:
        edit_forever(sys.argv[1], int(sys.argv[2]))
