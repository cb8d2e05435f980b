"""Ranking settings: defaults, `MORELIKE_RANK_*` variables, validation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from service.ranking import RankingOptions, RankingSettings, resolve
from service.ranking import settings as settings_module


def test_defaults_cover_news_and_evergreen_sections() -> None:
    config = RankingSettings()
    assert config.half_life_for("news") < config.half_life_for("reviews")
    assert config.max_age_for("news") is not None and config.max_age_for("reviews") is None
    assert config.max_age_for("some-new-section") is None  # the default entry
    assert config.dense_weight > 0 and config.sparse_weight > 0 and config.fallback


def test_environment_overrides_with_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MORELIKE_RANK_MMR_LAMBDA", "0.6")
    monkeypatch.setenv("MORELIKE_RANK_FALLBACK", "false")
    monkeypatch.setenv("MORELIKE_RANK_HALF_LIFE_DAYS", '{"Politics": 3}')
    monkeypatch.setenv("MORELIKE_RANK_MAX_AGE_DAYS", '{"default": 90, "reviews": null}')
    config = RankingSettings()
    assert config.mmr_lambda == 0.6 and config.fallback is False
    assert config.half_life_for("politics") == 3
    assert config.half_life_for("elsewhere") == config.half_life_days["default"] > 3
    assert config.max_age_for("anything") == 90 and config.max_age_for("reviews") is None


def test_a_mapping_without_a_default_entry_gets_one() -> None:
    config = RankingSettings(half_life_days={"news": 2}, max_age_days={"news": 30})
    assert config.half_life_for("culture") > 0 and config.max_age_for("culture") is None


@pytest.mark.parametrize(
    "bad",
    [
        {"dense_weight": 0, "sparse_weight": 0},
        {"mmr_lambda": 1.5},
        {"min_score": -0.1},
        {"half_life_days": {"news": 0}},
        {"candidates": 0},
        {"duplicate_similarity": 0},
    ],
)
def test_invalid_settings_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        RankingSettings(**bad)  # type: ignore[arg-type]


def test_a_request_resolves_into_one_fully_specified_ranking() -> None:
    settings = RankingSettings(mmr_lambda=0.8, freshness=False)
    ranking = resolve(settings, section=" Sport ", exclude="b, a,,a", diversity=None)
    assert ranking.settings is settings
    assert (ranking.mmr_lambda, ranking.freshness, ranking.fallback) == (0.8, False, True)
    assert ranking.section == "sport" and ranking.exclude == ("a", "b")
    assert ranking.min_score is None  # the calibrated floor
    overridden = resolve(settings, diversity=1.0, freshness=True, min_score=0.4)
    assert (overridden.mmr_lambda, overridden.freshness, overridden.min_score) == (1.0, True, 0.4)
    assert resolve(RankingSettings(min_score=0.3)).min_score == 0.3


def test_the_digest_carries_request_and_settings() -> None:
    base = RankingSettings()
    assert resolve(base).digest() == resolve(RankingSettings()).digest()
    assert resolve(base).digest() != resolve(base, limit=5).digest()
    other = RankingSettings(half_life_days={"news": 3})
    assert base.fingerprint != other.fingerprint
    assert resolve(base).digest() != resolve(other).digest()


def test_a_new_ranking_revision_changes_the_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    # A release that ranks differently with the same settings gets new cache keys.
    before = RankingSettings().fingerprint
    monkeypatch.setattr(settings_module, "RANKING_REVISION", settings_module.RANKING_REVISION + 1)
    assert RankingSettings().fingerprint != before


def test_request_options_and_settings_are_one_vocabulary() -> None:
    """Every request option resolves: no field is read anywhere else."""
    options = RankingOptions(limit=3, min_score=0.5, diversity=0.9)
    ranking = resolve(RankingSettings(), **options.model_dump())
    assert (ranking.limit, ranking.min_score, ranking.mmr_lambda) == (3, 0.5, 0.9)
    with pytest.raises(ValidationError):
        RankingSettings(similar_quantile=0.5, related_quantile=0.8)
