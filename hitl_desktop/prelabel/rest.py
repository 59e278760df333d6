"""REST model backends that speak the Label Studio ML backend protocol.

The backend is registered by its URL (``hitl models add http://host:9090``): ``GET /health``
must answer, then ``POST /setup`` (``project``, ``schema`` = a Label Studio labelling config
built from the label set) returns the ``model_version`` it serves. The model id's hash is
``sha256(URL + model_version)``, so a backend that starts serving another version is another
model; before every run ``/setup`` is asked again and a changed version is refused until the
backend is registered again.

``POST /predict`` takes ``{"tasks": [{"id", "data": {"text"}}], "label_config", "project",
"params"}`` and answers ``{"results": [{"result": [...], "score", "model_version"}, ...]}``, one
prediction per task in order; a bare list of predictions (older backends) is read too. A
``choices`` region gives label scores; a ``labels`` region gives a span whose ``start``/``end``
index the NFC text that was sent. One malformed prediction fails that item only.

Credentials never go to SQLite or the logs: an optional secret comes from the OS keyring,
service ``hitl-desktop-model-backend``, user = the backend's origin (``http://host:port``),
e.g. ``keyring set hitl-desktop-model-backend http://host:9090``. ``user:password`` is sent as
HTTP basic auth (what the Label Studio ML backend's BASIC_AUTH_USER/PASS expect); a value that
starts with a scheme (``Bearer …``, ``Token …``) is sent as the Authorization header as it is;
anything else as ``Bearer``. Connection errors are retried with backoff; redirects are followed
only within the same origin.
"""

from __future__ import annotations

import base64
import hashlib
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.sax.saxutils import quoteattr

from ..lineage import Agent
from .base import Prediction, Span
from .errors import BackendError, ModelError, WrongTask
from .labels import LabelSet
from .model_files import ModelSpec
from .registry import ModelRecord

KEYRING_SERVICE = "hitl-desktop-model-backend"
PROJECT = "hitl-desktop"
REST_TASKS = ("text-classification", "token-classification")
_RETRY_STATUS = (502, 503, 504)


def origin(url: str) -> str:
    """``scheme://host:port`` of a URL (the keyring entry and redirect boundary)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


def check_url(url: str) -> str:
    """The URL without a trailing slash; refuses other schemes and embedded credentials."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BackendError(f"{url!r} is not an http(s) URL of a model backend")
    if parts.username or parts.password:
        raise BackendError(
            f"{parts.hostname}: put credentials in the OS keyring, not in the URL (it is recorded "
            f"in the workspace): keyring set {KEYRING_SERVICE} {origin(url)}"
        )
    if parts.query or parts.fragment:
        raise BackendError(f"{url!r}: give the backend's base URL, without ?query or #fragment")
    return url.strip().rstrip("/")


def backend_secret(url: str) -> str | None:
    """The backend's secret from the OS keyring, or None (no entry, or no usable keyring)."""
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(KEYRING_SERVICE, origin(url))
    except keyring.errors.KeyringError:
        return None


def store_backend_secret(url: str, secret: str) -> None:
    """Keep the backend's secret in the OS keyring (never in the workspace)."""
    import keyring

    keyring.set_password(KEYRING_SERVICE, origin(url), secret)


def _authorization(secret: str) -> str:
    if " " in secret.strip():
        return secret.strip()  # "Bearer x", "Token x", "Basic x": the header as given
    if ":" in secret:
        return "Basic " + base64.b64encode(secret.encode()).decode()
    return f"Bearer {secret}"


def label_config(task: str, label_set: LabelSet | None) -> str:
    """A Label Studio labelling config for texts: Choices (classes) or Labels (spans)."""
    names = label_set.names if label_set else []
    if task == "token-classification":
        tags = "".join(f"<Label value={quoteattr(n)}/>" for n in names)
        control = f'<Labels name="label" toName="text">{tags}</Labels>'
    else:
        tags = "".join(f"<Choice value={quoteattr(n)}/>" for n in names)
        control = f'<Choices name="label" toName="text" choice="single">{tags}</Choices>'
    return f'<View><Text name="text" value="$text"/>{control}</View>'


class BackendClient:
    """JSON over HTTP to one backend: timeouts, retries with backoff, same-origin redirects."""

    def __init__(
        self, url: str, *, timeout: float = 60.0, retries: int = 3, backoff: float = 0.2
    ) -> None:
        import httpx

        self.url = check_url(url)
        self.retries, self.backoff, self.timeout = retries, backoff, timeout
        secret = backend_secret(self.url)
        self.authenticated = secret is not None
        headers = {"Authorization": _authorization(secret)} if secret else {}
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)), headers=headers,
            follow_redirects=False, trust_env=False,
        )  # fmt: skip

    def close(self) -> None:
        self._client.close()

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """The decoded JSON reply; a ``BackendError`` saying what went wrong otherwise."""
        url = self.url + path
        for _hop in range(5):
            reply = self._send(method, url, body)
            if not reply.is_redirect:
                return self._decode(reply, url)
            target = urljoin(url, reply.headers.get("location", ""))
            if origin(target) != origin(self.url):
                raise BackendError(
                    f"{url} redirects to another host ({origin(target)}); refused. Register "
                    "the backend by its final URL if you trust it."
                )
            url = target  # same origin: the same method and body again
        raise BackendError(f"{self.url}{path} redirects in a loop")

    def _send(self, method: str, url: str, body: dict[str, Any] | None) -> Any:
        """One request, retried with backoff while the connection fails or the server is busy.

        A request that was sent but not answered in time is not retried: the backend may
        still be working on it, and asking again would only queue more work."""
        import httpx

        for attempt in range(self.retries + 1):
            try:
                reply = self._client.request(method, url, json=body)
            except httpx.TimeoutException as exc:
                if not isinstance(exc, httpx.ConnectTimeout):
                    raise BackendError(
                        f"{url} did not answer within {self.timeout:g} s; the backend is "
                        "overloaded or stuck (run again, or with smaller batches)"
                    ) from None
                failure: Exception | None = exc
            except httpx.TransportError as exc:
                failure = exc
            else:
                if reply.status_code not in _RETRY_STATUS:
                    return reply
                failure = None
            if attempt == self.retries:
                if failure is None:
                    return reply
                raise BackendError(
                    f"the model backend at {self.url} cannot be reached "
                    f"({type(failure).__name__}: {failure or 'no answer'}); start it, or check "
                    "the URL, and run again"
                )
            time.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")  # the loop returns or raises on its last attempt

    def _decode(self, reply: Any, url: str) -> Any:
        if reply.status_code in (401, 403):
            hint = "the stored secret was refused" if self.authenticated else "it needs a secret"
            raise BackendError(
                f"{url} answered {reply.status_code}: {hint}; store one with "
                f"`keyring set {KEYRING_SERVICE} {origin(self.url)}`"
            )
        if reply.status_code >= 400:
            raise BackendError(
                f"{url} answered HTTP {reply.status_code}: {reply.text[:200].strip()}"
            )
        try:
            return reply.json()
        except ValueError:
            raise BackendError(
                f"{url} did not answer JSON (got {reply.headers.get('content-type', 'nothing')}:"
                f" {reply.text[:80]!r})"
            ) from None


def setup(client: BackendClient, task: str, label_set: LabelSet | None) -> str:
    """Check the backend is up and ask which model version it serves for this config."""
    client.call("GET", "/health")
    reply = client.call(
        "POST", "/setup", {"project": PROJECT, "schema": label_config(task, label_set)}
    )
    if not isinstance(reply, dict):
        raise BackendError(f"{client.url}/setup answered {type(reply).__name__}, not an object")
    version = reply.get("model_version")
    return "" if version is None else str(version)


@dataclass(frozen=True)
class RestSpec(ModelSpec):
    """A REST backend: its "weights" hash is sha256(URL + model_version)."""

    @property
    def weights_sha256(self) -> str:
        return self.files["endpoint"]


def backend_hash(url: str, model_version: str) -> str:
    return hashlib.sha256((url + model_version).encode("utf-8")).hexdigest()


def inspect_backend(
    url: str, *, name: str | None = None, task: str | None = None,
    label_set: LabelSet | None = None,
) -> ModelSpec:  # fmt: skip
    """Reach the backend (/health, /setup) and describe it for registration."""
    task = task or "text-classification"
    if task not in REST_TASKS:
        raise WrongTask(f"REST backends do {' or '.join(REST_TASKS)} here, not {task}")
    url = check_url(url)
    client = BackendClient(url)
    try:
        version = setup(client, task, label_set)
    finally:
        client.close()
    parts = urlsplit(url)
    default_name = (parts.hostname or "backend") + (f"-{parts.port}" if parts.port else "")
    sha = backend_hash(url, version)
    params = {"url": url, "model_version": version, "project": PROJECT,
              "auth": "keyring" if client.authenticated else "none"}  # fmt: skip
    labels = label_set.names if label_set else []
    return RestSpec(name or default_name, "rest", task, url, {"endpoint": sha}, ("endpoint",),
                    labels, label_set, params)  # fmt: skip


class RestPrelabeller:
    """Pre-labels texts by asking a registered REST backend."""

    modality = "text"
    device = "remote"

    def __init__(
        self, record: ModelRecord, *, label_set: LabelSet | None = None, timeout: float = 60.0,
        retries: int = 3, backoff: float = 0.2,
    ) -> None:  # fmt: skip
        if record.kind != "rest":
            raise ModelError(f"{record.id} is a {record.kind} model, not a REST backend")
        self.record, self.notice = record, ""
        self.label_set = label_set or record.label_set
        self.url = record.path
        self.client = BackendClient(self.url, timeout=timeout, retries=retries, backoff=backoff)
        self.config = label_config(record.task, self.label_set)
        registered = str(record.parameters.get("model_version", ""))
        version = setup(self.client, record.task, self.label_set)
        if backend_hash(self.url, version) != record.weights_sha256:
            raise BackendError(
                f"the backend at {self.url} now serves model version {version!r}, not "
                f"{registered!r} as when {record.id} was registered; register it again "
                "(hitl models add URL) so its pre-labels get the new version's id"
            )
        self.model_version = version
        self._down: str | None = None  # set once the backend stops answering: fail fast
        self._done: dict[str, Prediction] = {}  # good predictions of a batch that had a bad one

    def agent(self) -> Agent:
        params: dict[str, Any] = {
            "model_id": self.record.id, "task": self.record.task, "kind": "rest",
            "url": self.url, "model_version": self.model_version, "project": PROJECT,
            "protocol": "label-studio-ml-backend",
        }  # fmt: skip
        if self.label_set is not None:
            params["label_set"] = self.label_set.ref
        version = f"label-studio-ml-backend; model_version {self.model_version}"
        return Agent(self.record.name, version, self.record.weights_sha256, params, self.device)

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        """One prediction per text; a malformed one raises for the batch, whose good
        predictions are kept so that the run's item-by-item retry asks only for the bad one."""
        texts = [unicodedata.normalize("NFC", t) for t in texts]
        if not texts:
            return []
        if all(t in self._done for t in texts):
            cached = [self._done[t] for t in texts]
            for t in set(texts):
                del self._done[t]
            return cached
        if self._down is not None:
            raise BackendError(self._down)
        if len(texts) > 1:  # a new batch: the previous one's item-by-item retry is over
            self._done = {}
        body = {"tasks": [{"id": i, "data": {"text": t}} for i, t in enumerate(texts)],
                "label_config": self.config, "project": PROJECT, "params": {}}  # fmt: skip
        try:
            reply = self.client.call("POST", "/predict", body)
        except BackendError as exc:
            self._down = str(exc)
            raise
        results = reply.get("results") if isinstance(reply, dict) else reply
        if not isinstance(results, list):
            raise BackendError(
                f"{self.url}/predict answered no list of results: {str(reply)[:120]!r}"
            )
        if len(results) != len(texts):
            raise BackendError(
                f"{self.url}/predict answered {len(results)} predictions for {len(texts)} tasks"
            )
        out: list[Prediction | None] = []
        problems = []
        for text, result in zip(texts, results, strict=True):
            try:
                out.append(self._parse(text, result))
            except (BackendError, TypeError, ValueError, KeyError) as exc:
                out.append(None)
                problems.append(str(exc))
        if problems:
            self._done |= {t: p for t, p in zip(texts, out, strict=True) if p is not None}
            raise BackendError(f"malformed prediction from {self.url}: {problems[0]}")
        return [p for p in out if p is not None]

    def _parse(self, text: str, prediction: Any) -> Prediction:
        regions = prediction.get("result") if isinstance(prediction, dict) else prediction
        if not isinstance(regions, list):
            raise BackendError(f"a prediction is {type(prediction).__name__}, not a result list")
        default = _score(prediction.get("score") if isinstance(prediction, dict) else None, 1.0)
        labels: dict[str, float] = {}
        spans = []
        for region in regions:
            if not isinstance(region, dict) or not isinstance(region.get("value"), dict):
                raise BackendError(f"a result region is not an object with a value: {region!r}")
            value, kind = region["value"], region.get("type")
            score = _score(region.get("score"), default)
            if kind == "choices":
                for choice in _names(value.get("choices"), "choices"):
                    choice = self._known(choice)
                    labels[choice] = max(score, labels.get(choice, 0.0))
            elif kind == "labels":
                start, end = value.get("start"), value.get("end")
                if not (isinstance(start, int) and isinstance(end, int)
                        and 0 <= start < end <= len(text)):  # fmt: skip
                    raise BackendError(f"span {start}..{end} is outside the text ({len(text)})")
                if "text" in value and value["text"] != text[start:end]:
                    raise BackendError(
                        f"span {start}..{end} says {value['text']!r} but the text there is "
                        f"{text[start:end]!r}"
                    )
                for lb in _names(value.get("labels"), "labels"):
                    spans.append(Span(start, end, self._known(lb), score))
        ranked = sorted(labels.items(), key=lambda kv: -kv[1])
        return Prediction(labels=ranked, spans=spans)

    def _known(self, label: str) -> str:
        label = unicodedata.normalize("NFC", label)
        if self.label_set is not None and label not in self.label_set.names:
            raise BackendError(f"label {label!r} is not in label set {self.label_set.ref}")
        return label


def _names(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise BackendError(f"value.{key} is {value!r}, not a list of label names")
    return value


def _score(value: Any, default: float) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise BackendError(f"score {value!r} is not a number from 0 to 1")
    return float(value)
