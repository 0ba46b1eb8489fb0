"""Helpers for the inspector and dialog tests: a tiny two-article corpus with entities."""

from __future__ import annotations

from core import operations as ops
from core.model import Label, Status
from core.store import NewArticle
from core.text import OffsetMap

ARTICLES = (
    ("德州投资", "上海逸众医疗科技有限公司投资2.1亿元上马瓶装消毒剂泵头项目，德州经开区李爱军出席。"),
    ("经开区简讯", "今年上半年，德州经开区地区生产总值134.23亿元，李爱军介绍。"),
)


def add_article(store, title: str, text: str) -> int:
    new = NewArticle(title, text, text, OffsetMap.identity(len(text)), "simplified")
    (article_id,), _ = store.add_articles([new])
    return article_id


def entity(store, article_id: int, text: str, label: Label, status=Status.SUGGESTED) -> int:
    body = store.article_text(article_id)
    start = body.index(text)
    return ops.add_entity(store, article_id, start, start + len(text), label,
                          annotator="engine", status=status).entity_id


def build_corpus(store) -> dict:
    """Two articles; the first with ORG, MONEY, PROJECT, LOC, PERSON entities."""
    first = add_article(store, *ARTICLES[0])
    second = add_article(store, *ARTICLES[1])
    ids = {
        "article": first, "second": second,
        "org": entity(store, first, "上海逸众医疗科技有限公司", Label.ORG),
        "money": entity(store, first, "2.1亿元", Label.MONEY),
        "project": entity(store, first, "瓶装消毒剂泵头项目", Label.PROJECT),
        "person": entity(store, first, "李爱军", Label.PERSON, Status.ACCEPTED),
    }
    return ids
