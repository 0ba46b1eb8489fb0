"""The extraction engine: entities and facts for one article's clean text.

`analyze(clean_text)` reads an index-aligned simplified copy (core.text), runs
regex rules, gazetteers, the optional statistical name tagger and the human
lexicon, keeps one non-overlapping layer (combine.resolve) and links facts.
Spans point into the clean text, so a traditional article gets traditional
span texts. Deterministic and Qt-free.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from core.errors import UserError
from core.model import Analysis, Label, Span

# Recorded on every suggestion (provenance); raised when the rules or gazetteers change what
# the engine finds, so a database tells suggestions of one rule set from another's.
ENGINE_VERSION = "pizhu-engine 0.3"

_NO_TAGGER = object()
_default_tagger_cache: list = []


def default_tagger():
    """core.extract.tagger.default_tagger() when that module and its model exist, else None."""
    if not _default_tagger_cache:
        tagger = None
        try:
            from core.extract import tagger as tagger_module

            tagger = tagger_module.default_tagger()
        except UserError as exc:  # no model shipped or trained yet: rules alone
            logging.getLogger(__name__).info("running without the name tagger: %s", exc)
        except Exception as exc:  # noqa: BLE001 - an optional component must not stop analysis
            logging.getLogger(__name__).warning("name tagger unavailable: %r", exc)
        _default_tagger_cache.append(tagger)
    return _default_tagger_cache[0]


def analyze(clean_text: str, *, article_date: str | None = None,
            lexicon: Iterable[tuple[str, Label]] | None = None, tagger=None) -> Analysis:
    """Entities and fact proposals for clean_text (see module docstring).

    tagger: a NameTagger-like object (`.tag(simplified) -> [(start, end, kind)]`,
    `.model_name`); None uses the default tagger when one is installed, and
    False runs on rules alone.
    """
    from core.extract.candidates import all_candidates
    from core.extract.combine import join_names, resolve
    from core.extract.facts import find_facts
    from core.text import simplified_view

    if tagger is None:
        tagger = default_tagger()
    simp = simplified_view(clean_text)
    chosen = join_names(simp, resolve(all_candidates(simp, article_date, lexicon, tagger or None)))
    entities = [Span(c.start, c.end, c.label, clean_text[c.start:c.end], c.value) for c in chosen]
    facts = find_facts(simp, entities)
    model = getattr(tagger, "model_name", "") if tagger else ""
    return Analysis(entities, facts, ENGINE_VERSION, model or "")


__all__ = ["ENGINE_VERSION", "analyze", "default_tagger"]
