"""Gather the candidates of every finder for one simplified text, in dependency order."""

from __future__ import annotations

from core.extract import people, rules, tagmerge
from core.extract.combine import Cand
from core.extract.dates import find_dates
from core.extract.lexicon import lexicon_cands
from core.extract.numbers import find_numbers


def all_candidates(simp: str, article_date: str | None, lexicon, tagger) -> list[Cand]:
    """Numbers and dates first (their ends stop names), then names, tagger and lexicon."""
    numeric = find_numbers(simp) + find_dates(simp, article_date)
    barriers = {c.end for c in numeric}
    titles = rules.find_titles(simp)
    projects = rules.find_projects(simp, barriers)
    orgs = rules.find_orgs(simp, barriers, projects) + rules.find_known_orgs(simp)
    places = rules.find_places(simp, barriers)
    persons = people.find_people(simp, titles)
    cands = numeric + titles + projects + orgs + places + persons + rules.find_docs(simp)
    if tagger is not None:
        cands += tagmerge.longest_orgs(simp, tagmerge.tagger_cands(simp, tagger.tag(simp), titles),
                                       orgs + titles + projects)
    cands += lexicon_cands(simp, lexicon)
    return cands
