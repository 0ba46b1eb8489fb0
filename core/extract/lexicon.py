"""Human annotations as a lexicon: exact matches, longest first, over the whole article.

The database hands analyze() (text, Label) pairs from accepted and manual
entities; matching them everywhere is how a correction made once is applied
to every later article (learning from corrections). Matching runs on the
simplified view so that a name annotated in one script is found in the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.extract.combine import PRIO_LEXICON, Cand
from core.model import Label
from core.text import simplified_view


def lexicon_cands(simp: str, lexicon: Iterable[tuple[str, Label | str]] | None) -> list[Cand]:
    """One candidate per occurrence of a lexicon entry; the first label given for a text wins."""
    if not lexicon:
        return []
    labels: dict[str, Label] = {}
    for text, label in lexicon:
        text = simplified_view(str(text).strip())
        if text and text not in labels:
            labels[text] = Label(label)
    if not labels:
        return []
    pattern = re.compile("|".join(re.escape(t) for t in sorted(labels, key=len, reverse=True)))
    return [Cand(m.start(), m.end(), labels[m.group()], PRIO_LEXICON) for m in pattern.finditer(simp)]
