"""``hitl --self-test``: proves an installed copy works, end to end, in a throwaway workspace.

Run from the source tree or from a frozen bundle (installers/): starts Qt offscreen when there is
no display, opens the main window on a temporary workspace, imports the bundled sample page, reads
it with the bundled OCR models (and, where torch and transformers are present, runs the bundled
embedding model on the text), writes a few more events and verifies the chain and signatures.
Each step prints a line with a tick; the first failing step prints what failed and the exit code
is 1. Nothing is left behind: the workspace lives in a temporary folder and its device key in an
in-memory keyring, never in the user's own keyring.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

import keyring
from keyring.backend import KeyringBackend

from . import __version__
from .resources_path import frozen, shipped_file

if TYPE_CHECKING:
    from .gui.self_test_gui import WindowCheck
    from .workspace import Workspace

SAMPLE = ("samples", "sample-page.png")
SAMPLE_ENV = "HITL_SELF_TEST_SAMPLE"  # another page to read (used by the failure tests)
EXPECTED_WORD = "invoice"  # printed on the sample page; the OCR must find it
EXPECTED_ENV = "HITL_SELF_TEST_EXPECT"
T = TypeVar("T")


class StepFailed(Exception):
    """A check that did not hold; the message says what was seen."""


class _MemoryKeyring(KeyringBackend):
    """Holds the throwaway workspace's device key for the length of the self-test.

    No ``priority``: keyring then counts it as not viable, so it is never picked as the OS
    keyring by discovery; it is only ever installed explicitly with ``set_keyring``.
    """

    def __init__(self) -> None:
        super().__init__()
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._secrets.pop((service, username), None)


@contextmanager
def _private_keyring() -> Iterator[str]:
    """Swap in the in-memory keyring; yields the name of the OS keyring found (for the report)."""
    from .workspace.errors import KeyringUnavailable
    from .workspace.identity import check_keyring

    previous = keyring.get_keyring()
    try:
        backend = check_keyring()
        found = f"{type(backend).__module__}.{type(backend).__name__}"
    except KeyringUnavailable as exc:  # reported: the self-test itself does not need one
        found = f"NONE: real workspaces will not open until one is set up. {exc}"
    keyring.set_keyring(_MemoryKeyring())
    try:
        yield found
    finally:
        keyring.set_keyring(previous)


class Reporter:
    """Prints one line per step: a tick and what was checked, or a cross and what failed."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        encoding = getattr(out, "encoding", None) or "ascii"
        try:
            "✓✗".encode(encoding)
            self.ok, self.bad = "✓", "✗"
        except (UnicodeEncodeError, LookupError):  # a Windows console in a legacy code page
            self.ok, self.bad = "OK", "FAILED"

    def line(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def step(self, name: str, fn: Callable[[], tuple[T, str]]) -> T:
        """Run one step; on any error print which step failed and raise StepFailed."""
        start = time.perf_counter()
        try:
            value, detail = fn()
        except Exception as exc:
            self.line(f"{self.bad} {name}: {type(exc).__name__}: {exc}")
            raise StepFailed(name) from exc
        took = time.perf_counter() - start
        self.line(f"{self.ok} {name} ({detail}; {took:.1f} s)")
        return value


@dataclass
class _Run:
    tmp: Path
    sample: Path | None = None
    workspace: Workspace | None = None
    window: WindowCheck | None = None
    item_id: str = ""


def _find_sample() -> tuple[Path, str]:
    override = os.environ.get(SAMPLE_ENV)
    path = Path(override) if override else shipped_file(*SAMPLE)
    if not path.is_file():
        raise FileNotFoundError(f"the sample page {path} is missing")
    return path, str(path)


def _find_models() -> tuple[Path, str]:
    from .ocr.rapid import DEFAULT_DET, DEFAULT_REC, shipped_models_dir

    folder = shipped_models_dir()
    missing = [n for n in (DEFAULT_DET, DEFAULT_REC) if not (folder / n).is_file()]
    if missing:
        raise FileNotFoundError(f"OCR model files missing from {folder}: {', '.join(missing)}")
    return folder, str(folder)


def _start_gui(run: _Run) -> tuple[WindowCheck, str]:
    from .gui.self_test_gui import WindowCheck
    from .workspace import Profile, Workspace

    ws = Workspace.create(run.tmp / "workspace", name="Self-test",
                          profile=Profile("self-test", "admin"))  # fmt: skip
    run.workspace = ws
    window = WindowCheck.open(ws, run.tmp / "settings")
    return window, f"Qt platform {window.platform()}, window {window.title()!r}"


def _import_sample(run: _Run) -> tuple[str, str]:
    from .ingest import ImportOptions, import_paths

    assert run.workspace is not None and run.window is not None and run.sample is not None
    report = import_paths(run.workspace, [run.sample], ImportOptions(source="self-test"))
    item_ids = [f.item_id for f in report.files if f.item_id]
    if report.items_created != 1 or not item_ids:
        reasons = "; ".join(f"{f.path}: {f.status} {f.reason}" for f in report.files)
        raise StepFailed(f"expected 1 imported page, got {report.summary()} ({reasons})")
    shown = run.window.items_shown()
    if shown != 1:
        raise StepFailed(f"the main window lists {shown} items after the import, not 1")
    return item_ids[0], f"1 page imported, the window lists {shown} item"


def _read_sample(run: _Run) -> tuple[str, str]:
    from .ocr import make_engine, page_items, run_ocr

    ws = run.workspace
    assert ws is not None and run.window is not None
    engine = make_engine("rapidocr", device="cpu", threads=2)
    report = run_ocr(ws, engine, page_items(ws, [run.item_id]))
    if report.failed:
        raise StepFailed("; ".join(reason for _item, reason in report.failed))
    rows = (
        ws.reader()
        .execute(
            "SELECT l.text FROM ocr_lines l JOIN ocr_latest t ON l.run_hash = t.run_hash "
            "WHERE t.item_id = ? ORDER BY l.line_no",
            (run.item_id,),
        )
        .fetchall()
    )
    text = "\n".join(r[0] for r in rows)
    if not text.strip():
        raise StepFailed("the OCR found no text on the sample page")
    expected = os.environ.get(EXPECTED_ENV, EXPECTED_WORD)
    if expected.casefold() not in text.casefold():
        first = text.splitlines()[0]
        raise StepFailed(f"{expected!r} is not in the {len(rows)} lines read (first: {first!r})")
    run.window.reload()
    return text, f"{len(rows)} lines, {expected!r} found, model {engine.info.name}"


def _write_and_verify(run: _Run) -> tuple[None, str]:
    from .ingest import retire_item

    ws = run.workspace
    assert ws is not None
    retire_item(ws, run.item_id, "self-test")
    retire_item(ws, run.item_id, "self-test", restore=True)
    report = ws.verify()
    if not report.ok:
        raise StepFailed("; ".join(str(p) for p in report.problems[:3]))
    if report.signatures == 0:
        raise StepFailed(f"{report.events} events verified but none carries a signature")
    return None, f"{report.events} events, {report.signatures} signatures verified"


def _embed_sample(text: str) -> tuple[None, str]:
    """Full bundles: the bundled embedding model runs (torch and transformers really work)."""
    from .prelabel.embed import SentenceEmbedder
    from .prelabel.registry import bundled_embedder_path

    path = bundled_embedder_path()
    if path is None:
        raise FileNotFoundError("torch is here but the bundled embedding model is missing")
    embedder = SentenceEmbedder(path, device="cpu")
    page, near, far = embedder.embed([text, "a bill with an amount to pay", "a cat asleep"])
    if not float(page @ near) > float(page @ far):
        raise StepFailed("the embedding model ranks an unrelated sentence closer to the page")
    return None, f"{path.name} on {embedder.device}, similarity {float(page @ near):.2f}"


def _close(run: _Run) -> tuple[None, str]:
    if run.window is not None:
        run.window.close()  # closes the workspace too
    elif run.workspace is not None:
        run.workspace.close()
    return None, "window and workspace closed"


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ValueError, ImportError):  # a module blocked in sys.modules
        return False


def prelabel_note() -> str:
    """Whether model pre-labels can run in this copy (the core bundle leaves torch out)."""
    missing = [m for m in ("torch", "transformers") if not _importable(m)]
    if not missing:
        return "model pre-labels available (torch and transformers present)"
    return (
        f"model pre-labels need the full bundle ({' and '.join(missing)} not included in this "
        f"copy); OCR, labelling, review and sync work"
    )


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step; 0 when all passed, 1 at the first failure (printed)."""
    rep = Reporter(out or sys.stdout)
    where = f"bundle {sys.executable}" if frozen() else f"source {Path(__file__).parent}"
    rep.line(f"HITL Desktop {__version__} self-test ({where})")
    with tempfile.TemporaryDirectory(prefix="hitl-self-test-") as tmp, _private_keyring() as kr:
        run = _Run(Path(tmp))
        try:
            run.sample = rep.step("sample page", _find_sample)
            rep.step("OCR models", _find_models)
            run.window = rep.step("main window", lambda: _start_gui(run))
            run.item_id = rep.step("import", lambda: _import_sample(run))
            text = rep.step("OCR", lambda: _read_sample(run))
            if _importable("torch") and _importable("transformers"):
                rep.step("pre-label model", lambda: _embed_sample(text))
            rep.step("events signed and verified", lambda: _write_and_verify(run))
            rep.step("close", lambda: _close(run))
        except StepFailed as exc:
            _safe_close(run)
            rep.line(f"self-test FAILED at step: {exc}")
            return 1
    rep.line(f"· keyring for real workspaces: {kr}")
    rep.line(f"· {prelabel_note()}")
    rep.line("self-test passed")
    return 0


def _safe_close(run: _Run) -> None:
    try:
        _close(run)
    except Exception as exc:  # the failure being reported matters more than this one
        print(f"(while closing after the failure: {exc})", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(run_self_test())
