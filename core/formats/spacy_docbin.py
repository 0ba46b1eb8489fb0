"""spaCy DocBin (.spacy): one Doc per article for training spaCy pipelines.

Needs the optional extra `pizhu[spacy]`. Every character is its own token
(`Doc(vocab, words=list(text))`), so no Chinese segmenter (jieba, pkuseg) is
needed and every span lands exactly (`char_span(..., alignment_mode="strict")`).
Entities go to `doc.ents`; pending suggestions are also listed in
`doc.spans["suggested"]`; title and article id go to user data. Facts and
normalised values have no place and are counted.
"""

from __future__ import annotations

from core.errors import UserError
from core.model import Status

NAME, KIND, SUFFIX, FLAT, BINARY = "spacy", "file", ".spacy", True, True
INSTALL_HINT = "format spacy needs: pip install 'pizhu[spacy]'"


def require():
    try:
        import spacy  # noqa: F401
    except ImportError as exc:
        raise UserError(INSTALL_HINT) from exc


def write(docs, fh, report, options: dict) -> None:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    out = DocBin(attrs=["ENT_IOB", "ENT_TYPE"], store_user_data=True)
    for doc in docs:
        out.add(to_doc(vocab, doc))
        report.written["entities"] += len(doc.entities)
        report.drop("facts", len(doc.facts))
        report.drop("normalised values", sum(e.value is not None for e in doc.entities))
    fh.write(out.to_bytes())


def to_doc(vocab, doc):
    from spacy.tokens import Doc

    sdoc = Doc(vocab, words=list(doc.text), spaces=[False] * len(doc.text))
    spans = []
    for e in doc.entities:
        span = sdoc.char_span(e.start, e.end, label=e.label.value, alignment_mode="strict")
        if span is None:
            raise ValueError(f"span {e.start}:{e.end} does not align with the characters")
        spans.append(span)
    sdoc.ents = spans
    sdoc.spans["suggested"] = [s for s, e in zip(spans, doc.entities, strict=True)
                               if e.status is Status.SUGGESTED]
    sdoc.user_data["title"] = doc.article.title
    sdoc.user_data["article_id"] = doc.article.id
    return sdoc


def read_docs(path):
    """The Docs of a .spacy file (for checks; import goes through the other formats)."""
    require()
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    with open(path, "rb") as fh:
        return list(DocBin().from_bytes(fh.read()).get_docs(Vocab()))
