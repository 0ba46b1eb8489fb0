"""The engine's speed in one process: repair + t2s + analyze, chars/s, vs jieba on the same text.

A fixed sample of news articles (every n-th record) goes through
core.text.repair and core.extract.analyze (which takes the t2s view itself),
with the shipped tagger as in a worker process. The peers segment the same
repaired texts with jieba.posseg.lcut and jieba.lcut. Loading (jieba's
dictionary, the tagger) happens before timing; rounds alternate the three so
noise from other work on the machine hits each alike; the best round counts.
"""

from __future__ import annotations

from bench import CannotRun, Context, Row, interleaved, load_average

NAME = "analyze"
TITLE = "repair + t2s + analyze, chars/s, vs jieba.posseg.lcut and jieba.lcut"


def sample(ctx: Context) -> list[dict]:
    records = ctx.articles()
    n = 60 if ctx.quick else 400
    step = max(1, len(records) // n)
    return records[::step][:n]


def run(ctx: Context) -> list[Row]:
    try:
        from core.extract import analyze
    except ImportError as exc:
        raise CannotRun(f"core.extract.analyze is not importable: {exc}") from exc
    import jieba
    import jieba.posseg

    from core.text import repair

    jieba.setLogLevel(60)
    records = sample(ctx)
    raws = [(r["text"], r.get("date")) for r in records]
    cleans = [repair(text).clean for text, _ in raws]
    chars = sum(len(c) for c in cleans)
    jieba.initialize()
    jieba.posseg.lcut("德州经开区。")
    analyze("德州经开区。")  # loads the tagger and gazetteers, as a worker's start-up does

    def engine():
        for text, date in raws:
            analyze(repair(text).clean, article_date=date)

    def posseg():
        for clean in cleans:
            jieba.posseg.lcut(clean)

    def lcut():
        for clean in cleans:
            jieba.lcut(clean)

    times = interleaved({"engine": engine, "posseg": posseg, "lcut": lcut}, 1 if ctx.quick else 3)
    speed = {name: chars / min(t) for name, t in times.items()}
    ratio = speed["engine"] / speed["posseg"]
    note = f"{len(cleans)} articles, {chars:,} characters, best of {len(times['engine'])}; {load_average()}"
    return [
        Row("repair + t2s + analyze vs jieba.posseg.lcut", speed["engine"], "chars/s",
            "posseg", speed["posseg"], ratio, "≥ 2× posseg", ratio >= 2, note),
        Row("repair + t2s + analyze vs jieba.lcut", speed["engine"], "chars/s",
            "lcut", speed["lcut"], speed["engine"] / speed["lcut"]),
    ]
