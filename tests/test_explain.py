"""``kgraph explain``: the report that answers "why did kgraph say that?"."""
from __future__ import annotations

import json

import pytest

from kgraph.cli import main

pytestmark = pytest.mark.e2e


def test_explain_shows_the_keys_that_fired_and_the_records(capsys):
    code = main(["explain", "Foreign Minister Anna Berg paid a visit to Moscow on Tuesday.", "--date", "2015-05-11"])
    out = capsys.readouterr().out
    assert code == 0
    assert "meetings.json: 'pay|visit' -> visit" in out
    assert "visit held: Anna Berg (visitor); place Moscow; date 2015-05-05" in out


def test_explain_json_holds_tokens_triggers_and_result(capsys):
    assert main(["explain", "President Karl Dorn met President Ivan Petrov.", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["text"] for t in data["tokens"]][:3] == ["President", "Karl", "Dorn"]
    assert {h["key"] for h in data["triggers"]} >= {"meet"}
    assert len(data["result"]["meetings"]) == 1


def test_explain_rejects_a_bad_date(capsys):
    assert main(["explain", "Kerry met Lavrov.", "--date", "not a date"]) != 0
    assert "date" in capsys.readouterr().err
