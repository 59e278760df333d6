"""Failure case 22, by a fuzzer: schemathesis reads the real server's /openapi.json and sends
generated requests, valid and invalid, to every endpoint on a real uvicorn. No request gets a
5xx, and every endpoint but hello and login answers 401 to a request without a token.

Bounded: ``HITL_FUZZ_EXAMPLES`` cases per endpoint and mode (default 25).
"""

from __future__ import annotations

import os
from collections import Counter

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import APIOperation, Case, GenerationMode

from .conftest import HEADERS, Server

EXAMPLES = int(os.environ.get("HITL_FUZZ_EXAMPLES", "25"))
OPEN = {"GET /v1/hello", "POST /v1/login"}  # the only endpoints without a token
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))  # fmt: skip


def _operations(server: Server) -> list[APIOperation]:
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    ops = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    return sorted(ops, key=lambda op: op.label)


def _run(op: APIOperation, mode: GenerationMode, headers: dict[str, str]) -> Counter[int]:
    """Send ``EXAMPLES`` generated requests to ``op``; the status codes seen."""
    seen: Counter[int] = Counter()

    @SETTINGS
    @given(case=op.as_strategy(generation_mode=mode))
    def send(case: Case) -> None:
        response = case.call(headers=headers, timeout=30)
        assert response.status_code < 500, (
            f"{op.label} answered {response.status_code} to {case.as_curl_command()}: "
            f"{response.text[:300]}"
        )
        seen[response.status_code] += 1

    try:
        send()
    except Unsatisfiable:
        if mode is GenerationMode.POSITIVE or op.label != "GET /v1/hello":
            raise
    return seen  # empty: hello takes no input at all, so no invalid one either


@pytest.fixture
def token(sqlite_server: Server) -> str:
    api = sqlite_server.client("root")
    return str(api.http.headers["Authorization"])


def test_the_description_lists_every_endpoint(sqlite_server: Server) -> None:
    labels = {op.label for op in _operations(sqlite_server)}
    assert labels >= OPEN | {
        "POST /v1/devices", "POST /v1/blobs/missing", "PUT /v1/blobs/{sha256}",
        "GET /v1/blobs/{sha256}", "POST /v1/events/push", "GET /v1/events", "GET /v1/incidents",
    }  # fmt: skip


def test_case_22_no_input_makes_the_server_fail(sqlite_server: Server, token: str) -> None:
    signed_in = {**HEADERS, "Authorization": token}
    answered: dict[str, Counter[int]] = {}
    for op in _operations(sqlite_server):
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            answered[f"{op.label} {mode.value}"] = _run(op, mode, signed_in)
    # the fuzzer got past validation somewhere: not everything was a 4xx refusal
    assert any(code < 300 for seen in answered.values() for code in seen), answered


def test_case_22_every_endpoint_but_hello_and_login_wants_a_token(sqlite_server: Server) -> None:
    guarded = [op for op in _operations(sqlite_server) if op.label not in OPEN]
    assert len(guarded) >= 7
    for op in guarded:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            seen = _run(op, mode, dict(HEADERS))
            assert set(seen) == {401}, (op.label, mode.value, seen)  # never empty: all take input


JSON_BODIES = ["/v1/devices", "/v1/blobs/missing", "/v1/events/push"]


def test_case_22_a_body_that_is_not_json_without_a_token_gets_401(sqlite_server: Server) -> None:
    api = sqlite_server.client()
    answers = {path: api.http.post(path, content=b"\x00", headers={
        "Content-Type": "application/json"}).status_code for path in JSON_BODIES}  # fmt: skip
    assert answers == dict.fromkeys(JSON_BODIES, 401)


def test_every_operation_documents_the_throttling_answers(sqlite_server: Server) -> None:
    spec = httpx.get(sqlite_server.url + "/openapi.json", headers=HEADERS).json()
    operations = [op for path in spec["paths"].values() for op in path.values()]
    assert operations
    for op in operations:
        assert {"429", "503"} <= set(op["responses"]), op.get("operationId")
