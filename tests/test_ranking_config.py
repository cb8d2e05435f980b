"""Ranking settings: defaults, `MORELIKE_RANK_*` variables, validation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from service.ranking import RankingSettings


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
