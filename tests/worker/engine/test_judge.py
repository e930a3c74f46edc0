"""A judge task (a headline verifier adapter) served beside a summarize task on one tiny NF4 base."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas import NewsItem
from schemas.news import news_from_text
from schemas.tasks import TaskKind, TaskSpec
from tests.support.adapters import make_adapter
from tests.support.news import news
from tests.support.registry import register_random
from worker.config import load_settings
from worker.engine import Engine, Summary
from worker.engine import engine as engine_module
from worker.engine import headlines as headlines_module
from worker.engine.results import JudgeRef
from worker.exceptions import FinnewsError
from worker.faithfulness import Grounding
from worker.registry import Registry

STORY = "Acme Corp said on Monday that its quarterly revenue rose 12% to $1.2 billion, beating forecasts."


def _engine(tiny_model_dir: Path, adapters: tuple[Path, Path], min_support: float, grounding: str = "regenerate") -> Engine:
    headline_adapter, judge_adapter = adapters
    settings = load_settings(
        model={"base": tiny_model_dir},
        tasks=[
            {
                "name": "headline",
                "kind": "summarize",
                "adapter": headline_adapter,
                "output_topic": "news.headline",
                "max_new_tokens": 6,
                "grounding": grounding,
            },
            {
                "name": "support",
                "kind": "classify",
                # Labels of one length: the tiny tokenizer spells words out, and a longer label's summed
                # log-probability would saturate the softmax. The first label means "supported".
                "labels": ["ok", "no"],
                "adapter": judge_adapter,
                "judges": "headline",
                "min_support": min_support,
            },
        ],
    )
    return Engine.load(settings.model, settings.tasks)


@pytest.fixture(scope="module")
def adapters(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("judge-adapters")
    return make_adapter(tiny_model_dir, root / "headline", seed=3), make_adapter(tiny_model_dir, root / "judge", seed=4, alpha=4)


def _run(engine: Engine, n: int = 4) -> list[Summary]:
    items = [NewsItem.model_validate(d) for d in news(n)]
    outcomes = engine.run([engine.prepare(i) for i in items])
    assert all(not o.errors for o in outcomes)
    assert all(set(o.results) == {"headline"} for o in outcomes), "a judge publishes nothing of its own"
    return [o.results["headline"] for o in outcomes]  # type: ignore[misc]


def test_every_headline_carries_the_judges_probability(tiny_model_dir: Path, adapters: tuple[Path, Path]) -> None:
    engine = _engine(tiny_model_dir, adapters, min_support=0.0, grounding="flag")
    summaries = _run(engine)
    assert all(s.support is not None and 0.0 <= s.support <= 1.0 for s in summaries)
    # Each names the judge that scored it and the threshold it was held to (the task's, here).
    judge = engine.judge_of("headline")
    assert judge is not None and (judge.task, judge.min_support) == ("support", 0.0)
    assert all(s.judge == judge for s in summaries)
    # At threshold 0 the judge rejects nothing: the rules alone decide.
    assert all(s.headline_source == "model" for s in summaries)


def test_a_headline_the_judge_rejects_is_replaced_by_the_lead(
    tiny_model_dir: Path, adapters: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tiny model writes gibberish ("utseigharning--uts"), which the rules reject: they read a lower-case
    # headline's words too. Set aside here, so that the judge alone decides (the rules have tests of their own).
    monkeypatch.setattr(headlines_module, "check_grounding", lambda text, story: Grounding(grounded=True, unsupported=[]))
    first = _run(_engine(tiny_model_dir, adapters, min_support=0.0, grounding="flag"), n=8)
    supports = [s.support for s in first if s.grounded and not s.looping]  # what the rules alone accept
    assert len(supports) >= 2 and all(p is not None for p in supports)
    low, high = min(supports), max(supports)  # type: ignore[type-var]
    assert low < high, f"the judge gives every item the same support: {supports}"
    threshold = (low + high) / 2  # type: ignore[operator]
    again = _run(_engine(tiny_model_dir, adapters, min_support=threshold), n=8)
    summaries = [s for s, f in zip(again, first, strict=True) if f.grounded and not f.looping]
    for before, after in zip(supports, summaries, strict=True):
        if before < threshold:  # type: ignore[operator]
            # Rejected: greedy decoding would write it again, so the policy publishes the story's lead,
            # judged like any other (its record says what the judge thought of it).
            assert after.headline_source == "extractive" and after.support is not None, after
        else:
            assert after.headline_source == "model" and after.support == pytest.approx(before, abs=1e-4), after


def test_flag_publishes_what_the_judge_rejects_and_says_so(tiny_model_dir: Path, adapters: tuple[Path, Path]) -> None:
    summaries = _run(_engine(tiny_model_dir, adapters, min_support=0.999999, grounding="flag"), n=8)
    rejected = [s for s in summaries if s.support is not None and s.support < 0.999999]
    assert rejected, "no headline below the threshold: the test proves nothing"
    assert all(s.headline_source == "model" and s.grounded is False for s in rejected)


def test_check_headlines_gives_the_workers_verdict_on_given_pairs(tiny_model_dir: Path, adapters: tuple[Path, Path]) -> None:
    engine = _engine(tiny_model_dir, adapters, min_support=0.0)
    item = news_from_text("n1", STORY)
    true, invented = engine.check_headlines([(item, "Acme Revenue Rises 12%"), (item, "Globex Revenue Rises 40%")], "headline")
    assert true.grounded and true.acceptable and true.support is not None
    assert not invented.grounded and set(invented.unsupported) >= {"Globex", "40%"}
    with pytest.raises(ValueError, match="no summarize task"):
        engine.check_headlines([(item, "x")], "support")


def test_a_judge_alone_is_a_classifier_of_the_pairs_its_items_carry(tiny_model_dir: Path, adapters: tuple[Path, Path]) -> None:
    """Training, evaluation and replay run the judge without its summarize task: plain classification."""
    settings = load_settings(
        model={"base": tiny_model_dir},
        tasks=[
            {"name": "headline", "kind": "summarize", "output_topic": "news.headline"},
            {"name": "support", "kind": "classify", "labels": ["supported", "unsupported"], "judges": "headline"},
        ],
    )
    judge = [t for t in settings.tasks if t.name == "support"]
    engine = Engine.load(settings.model, judge)
    item = news_from_text("n1", STORY).model_copy(update={"headline": "Acme Revenue Rises 12%"})
    (outcome,) = engine.run([engine.prepare(item)])
    assert set(outcome.results["support"].scores) == {"supported", "unsupported"}  # type: ignore[union-attr]


def test_a_judge_needs_an_adapter_when_it_judges(tiny_model_dir: Path) -> None:
    settings = load_settings(
        model={"base": tiny_model_dir},
        tasks=[
            {"name": "headline", "kind": "summarize", "output_topic": "news.headline"},
            {"name": "support", "kind": "classify", "labels": ["supported", "unsupported"], "judges": "headline"},
        ],
    )
    with pytest.raises(FinnewsError, match="judge"):
        Engine.load(settings.model, settings.tasks)


def test_a_judges_threshold_travels_with_its_version(
    tiny_model_dir: Path, adapters: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each judge version serves at the threshold chosen for it (its manifest's), a swap brings the new one's,
    and a task that sets min_support overrides every version's."""
    registry = Registry(tmp_path / "registry")
    judge = TaskSpec(name="support", kind=TaskKind.classify, labels=("ok", "no"), judges="headline")
    for version, (seed_dir, threshold) in {"v0001": ("a", 0.0), "v0002": ("b", 0.999999)}.items():
        register_random(registry, tiny_model_dir, judge, seed=4, work=tmp_path / seed_dir, alpha=4)  # same weights
        registry.set_min_support("support", version, threshold, "test")
    registry.promote("support", "v0001", "test")
    headline = {"name": "headline", "kind": "summarize", "adapter": adapters[0], "output_topic": "news.headline"}

    def load(**override: float) -> Engine:
        settings = load_settings(model={"base": tiny_model_dir}, tasks=[headline, {**judge.model_dump(), **override}])
        return Engine.load(settings.model, settings.tasks, registry.root)

    item = news_from_text("n1", STORY)
    pair = [(item, "Acme Revenue Rises 12%")]
    engine = load()
    assert engine.judge_of("headline") == JudgeRef("support", "support__v0001", "v0001", 0.0)
    (before,) = engine.check_headlines(pair, "headline")
    assert before.supported and before.acceptable
    engine.swap("support", registry.path("support", "v0002"), "v0002")
    assert engine.judge_of("headline") == JudgeRef("support", "support__v0002", "v0002", 0.999999)
    (after,) = engine.check_headlines(pair, "headline")
    # The same weights (the score moves in the fourth decimal in another adapter slot): only the threshold moved.
    assert after.support == pytest.approx(before.support, abs=0.01)
    assert not after.supported and not after.acceptable
    # A version with no threshold of its own serves at the default, and the worker says so.
    register_random(registry, tiny_model_dir, judge, seed=4, work=tmp_path / "c", alpha=4)
    warnings: list[dict[str, object]] = []

    class Recorder:  # the module's logger, recorded directly (capture_logs misses an already-bound logger)
        def info(self, event: str, **fields: object) -> None:
            pass

        def warning(self, event: str, **fields: object) -> None:
            warnings.append({"event": event, **fields})

    monkeypatch.setattr(engine_module, "log", Recorder())
    engine.swap("support", registry.path("support", "v0003"), "v0003")
    assert engine.judge_of("headline") == JudgeRef("support", "support__v0003", "v0003", 0.5)
    assert [w["version"] for w in warnings if w["event"] == "judge_threshold_default"] == ["v0003"]
    overridden = load(min_support=0.0)
    overridden.swap("support", registry.path("support", "v0002"), "v0002")
    assert overridden.judge_of("headline") == JudgeRef("support", "support__v0002", "v0002", 0.0)
    assert overridden.check_headlines(pair, "headline")[0].supported
