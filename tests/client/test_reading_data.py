"""Data the client did not fetch itself (a webhook's payload, a stored response) is read
as the client reads a response: Model.from_json and Model.from_dict read as far as the
data matches the API document and log each difference, where model_validate raises."""

from __future__ import annotations

import json
import logging

import pydantic
import pytest

from posthog_api.models import InsightVariable
from tests.client.scenarios import VARIABLE


def test_data_that_matches_reads_as_model_validate_reads_it() -> None:
    text = json.dumps(VARIABLE)
    assert InsightVariable.from_json(text) == InsightVariable.model_validate_json(text)
    assert InsightVariable.from_dict(VARIABLE).to_dict() == InsightVariable.model_validate(VARIABLE).to_dict()


def test_a_difference_is_read_as_sent_and_logged_where_model_validate_raises(caplog: pytest.LogCaptureFixture) -> None:
    sent = {**VARIABLE, "name": None, "added_later": {"x": 1}}
    with pytest.raises(pydantic.ValidationError):
        InsightVariable.model_validate(sent)
    with caplog.at_level(logging.DEBUG, logger="posthog_api"):
        variable = InsightVariable.from_json(json.dumps(sent).encode())
    assert isinstance(variable, InsightVariable)
    assert variable.id == VARIABLE["id"] and variable.name is None
    assert variable.model_extra == {"added_later": {"x": 1}}
    assert "InsightVariable differs from the API document at name" in caplog.text


def test_what_is_not_an_object_says_so() -> None:
    with pytest.raises(TypeError, match=r"InsightVariable.from_dict takes an object, not list"):
        InsightVariable.from_dict([VARIABLE])  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        InsightVariable.from_json("{not json")
