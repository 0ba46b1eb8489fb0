"""Property: any text (astral characters, CRLF, spaces) and any flat spans survive every format."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import export as ex
from core import operations as ops
from core.model import Label
from core.store import NewArticle, Store
from core.text import OffsetMap

PIECES = ["王", "志", "强", "德", "州", "😀", "𠀀", "\r\n", " ", "。", "a", "\t", "！"]
FORMATS = [("pizhu", "x.jsonl"), ("doccano", "x.jsonl"), ("labelstudio", "x.json"), ("brat", "b")]


@st.composite
def annotated_texts(draw):
    text = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40)))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=12)))
    spans = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        piece = text[start:end]
        if piece and piece == piece.strip():
            spans.append((start, end, draw(st.sampled_from(list(Label)))))
    return text, spans


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_texts())
def test_every_format_keeps_code_point_spans(case):
    text, spans = case
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with Store(tmp / "src.db") as src:
            (article_id,), _ = src.add_articles(
                [NewArticle("t", text, text, OffsetMap.identity(len(text)), "simplified")])
            for start, end, label in spans:
                ops.add_entity(src, article_id, start, end, label, annotator="p")
            want = {(e.label.value, e.start, e.end) for e in src.entities(article_id)}
            for fmt, name in FORMATS:
                ex.export(src, fmt, tmp / f"{fmt}-{name}")
                with Store(tmp / f"{fmt}.db") as dst:
                    report = ex.import_file(dst, tmp / f"{fmt}-{name}", fmt)
                    assert report.problems == [], (fmt, report.problems)
                    assert dst.article_text(1) == text, fmt
                    got = {(e.label.value, e.start, e.end) for e in dst.entities(1)}
                    assert got == want, fmt
