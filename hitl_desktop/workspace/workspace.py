"""Opening and creating a workspace: the folder, its database, blobs, device and writer."""

from __future__ import annotations

import getpass
import platform
import sqlite3
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .. import __version__
from ..lineage import (
    Agent,
    ChainHead,
    ChainVerifier,
    DeviceKey,
    Event,
    EventDraft,
    HybridClock,
    Problem,
    Ref,
    Subject,
    VerifyReport,
    parse_hlc,
    uuid7,
)  # fmt: skip
from ..lineage.payloads import DeviceEnrolled, WorkspaceCreated
from . import identity, store
from .blobs import BlobStore
from .errors import (
    ReadOnlyWorkspace,
    WorkspaceCorrupt,
    WorkspaceError,
    WorkspaceExists,
    WorkspaceNotFound,
)
from .lock import WriterLock
from .paths import BLOBS_DIR, DB_NAME, LOCK_NAME
from .progress import CancelToken, ProgressFn
from .projections import Projection, default_projections
from .projector import RebuildResult, ensure_projections, projection_digest, rebuild
from .writer import Writer

ROLES = ("worker", "checker", "expert", "admin")


@dataclass(frozen=True)
class Profile:
    """Who is working: recorded as ``actor`` and ``role`` in every event."""

    name: str
    role: str

    @classmethod
    def default(cls) -> Profile:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = "user"
        return cls(user, "admin")


class Workspace:
    """A workspace folder. Open with ``Workspace.open`` or ``Workspace.create``."""

    def __init__(
        self, path: Path, *, readonly: bool, projections: Sequence[Projection] | None = None
    ) -> None:
        self.path = path
        self.db_path = path / DB_NAME
        self.readonly = readonly
        self.blobs = BlobStore(path / BLOBS_DIR)
        self.projections = list(projections or default_projections())
        self._lock: WriterLock | None = None
        self._writer: Writer | None = None
        self._readers = threading.local()
        self._all_readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self.project_id = ""
        self.name = ""
        self.profile = Profile.default()

    # ----------------------------------------------------------------- opening
    @classmethod
    def create(cls, path: Path, *, name: str, profile: Profile | None = None) -> Workspace:
        path = Path(path)
        if (path / DB_NAME).exists():
            raise WorkspaceExists(f"{path} already holds a workspace; open it instead")
        path.mkdir(parents=True, exist_ok=True)
        (path / BLOBS_DIR).mkdir(exist_ok=True)
        ws = cls(path, readonly=False)
        ws._acquire_lock()
        try:
            conn = store.connect(ws.db_path)
            try:
                conn.execute("BEGIN IMMEDIATE")
                store.create_schema(conn)
                store.set_meta(conn, "project_id", uuid7())
                store.set_meta(conn, "name", name)
                conn.execute("COMMIT")
            finally:
                conn.close()
            ws._start(profile)
            ws.append([ws.draft("workspace.created", WorkspaceCreated(name=name))])
        except BaseException:
            ws.close()
            raise
        return ws

    @classmethod
    def open(
        cls, path: Path, *, readonly: bool = False, profile: Profile | None = None
    ) -> Workspace:
        path = Path(path)
        if not (path / DB_NAME).is_file():
            raise WorkspaceNotFound(f"no workspace at {path}; create one with `hitl init {path}`")
        ws = cls(path, readonly=readonly)
        if readonly:
            ws._load_meta(ws.reader())
            if profile is not None:
                ws.profile = profile
            return ws
        ws._acquire_lock()
        try:
            ws._start(profile)
        except BaseException:
            ws.close()
            raise
        return ws

    def _acquire_lock(self) -> None:
        self._lock = WriterLock(self.path / LOCK_NAME)
        self._lock.acquire()

    def _load_meta(self, conn: sqlite3.Connection) -> None:
        try:
            project_id = store.get_meta(conn, "project_id")
            self.name = store.get_meta(conn, "name") or ""
        except sqlite3.DatabaseError as exc:
            raise WorkspaceCorrupt(
                f"{self.db_path} is damaged ({exc}); it was left untouched"
            ) from None
        if project_id is None:
            raise WorkspaceCorrupt(
                f"{self.db_path} has no project id; it is not a workspace database"
            )
        self.project_id = project_id
        name = store.get_meta(conn, "profile.name")
        role = store.get_meta(conn, "profile.role")
        if name and role:
            self.profile = Profile(name, role)

    def _start(self, profile: Profile | None) -> None:
        """Open the write side: schema, projections, device key, writer thread."""
        self.blobs.sweep_temp()
        conn = store.connect(self.db_path)
        try:
            conn.execute("BEGIN IMMEDIATE")
            store.create_schema(conn)
            for p in self.projections:
                p.create(conn)
            ensure_projections(conn, self.projections)
            self._load_meta(conn)
            if profile is not None:
                self.profile = profile
                store.set_meta(conn, "profile.name", profile.name)
                store.set_meta(conn, "profile.role", profile.role)
            conn.execute("COMMIT")
            device_id = store.get_meta(conn, "device_id")
            key = identity.load_device_key(device_id) if device_id else None
            enrol = key is None
            if key is None:
                key = identity.create_device_key()
            head_row = store.device_head(conn, key.device_id)
            last_hlc = store.max_hlc(conn)
        except sqlite3.DatabaseError as exc:
            raise WorkspaceCorrupt(
                f"{self.db_path} is damaged ({exc}); it was left untouched"
            ) from None
        finally:
            conn.close()
        head = ChainHead(key.device_id, *head_row) if head_row else ChainHead.genesis(key)
        clock = HybridClock(last=parse_hlc(last_hlc) if last_hlc else None)
        self._writer = Writer(
            self.db_path, project_id=self.project_id, key=key, head=head, clock=clock,
            projections=self.projections,
        )  # fmt: skip
        if enrol:
            self._enrol(key)

    def _enrol(self, key: DeviceKey) -> None:
        payload = DeviceEnrolled(
            public_key=key.public_key_b64,
            label=platform.node(),
            platform=f"{platform.system()} {platform.machine()}",
            app_version=__version__,
        )
        self.append([self.draft("device.enrolled", payload)])
        self._writer_or_fail().run(lambda c: store.set_meta(c, "device_id", key.device_id))

    # ----------------------------------------------------------------- writing
    def draft(
        self,
        type_: str,
        payload: BaseModel | dict[str, Any],
        *,
        subject: Subject | None = None,
        agent: Agent | None = None,
        base: Sequence[str] = (),
        inputs: Sequence[Ref] = (),
        outputs: Sequence[Ref] = (),
        schema_ref: str | None = None,
        actor: str | None = None,
    ) -> EventDraft:
        """An event draft by the current profile (or ``actor``, e.g. ``model:<id>``)."""
        return EventDraft(
            type=type_, payload=payload, actor=actor or self.profile.name, role=self.profile.role,
            subject=subject, agent=agent, base=tuple(base), inputs=tuple(inputs),
            outputs=tuple(outputs), schema_ref=schema_ref,
        )  # fmt: skip

    def set_profile(self, profile: Profile) -> None:
        """Change who is working (as ``hitl init --user --role`` sets it): kept in the workspace
        meta and used as actor and role of the events appended from now on."""
        if profile.role not in ROLES:
            raise WorkspaceError(f"unknown role {profile.role!r}; choose one of {', '.join(ROLES)}")
        if not profile.name.strip():
            raise WorkspaceError("the profile needs a name")

        def save(conn: sqlite3.Connection) -> None:
            store.set_meta(conn, "profile.name", profile.name)
            store.set_meta(conn, "profile.role", profile.role)

        self._writer_or_fail().run(save)
        self.profile = profile

    def append(self, drafts: Sequence[EventDraft]) -> list[Event]:
        """Commit drafts as one signed batch; returns the stored events."""
        return self._writer_or_fail().append(drafts)

    def submit(self, drafts: Sequence[EventDraft]) -> Future[list[Event]]:
        return self._writer_or_fail().submit(drafts)

    @property
    def device_id(self) -> str | None:
        return self._writer.key.device_id if self._writer else None

    @property
    def head(self) -> ChainHead | None:
        return self._writer.head if self._writer else None

    def _writer_or_fail(self) -> Writer:
        if self._writer is None:
            raise ReadOnlyWorkspace(f"{self.path} is open read-only")
        return self._writer

    # ----------------------------------------------------------------- reading
    def reader(self) -> sqlite3.Connection:
        """A read-only connection for the calling thread."""
        conn = getattr(self._readers, "conn", None)
        if conn is None:
            conn = store.connect(self.db_path, readonly=True)
            self._readers.conn = conn
            with self._readers_lock:
                self._all_readers.append(conn)
        return conn

    def verify(
        self, *, strict: bool = True, progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
    ) -> VerifyReport:  # fmt: skip
        """Check every event: hashes, chains, signatures, seals, and SQLite's own integrity."""
        conn = store.connect(self.db_path, readonly=True)
        try:
            total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            verifier = ChainVerifier(self.project_id, strict=strict)
            for i, row in enumerate(store.iter_rows(conn), 1):
                verifier.feed(row)
                if i % 10_000 == 0:
                    if cancel is not None:
                        cancel.check()
                    if progress is not None:
                        progress(i, total)
            report = verifier.finish()
            integrity = conn.execute("PRAGMA integrity_check").fetchall()
            if integrity != [("ok",)]:
                report.problems_total += 1
                report.problems.insert(0, Problem(None, None, None, None,
                    "SQLite integrity check failed: " + "; ".join(r[0] for r in integrity[:5])))  # fmt: skip
            if progress is not None:
                progress(total, total)
            return report
        finally:
            conn.close()

    def rebuild(
        self, *, progress: ProgressFn | None = None, cancel: CancelToken | None = None
    ) -> RebuildResult:
        return self._writer_or_fail().run(
            lambda conn: rebuild(conn, self.projections, progress=progress, cancel=cancel)
        )

    def projection_digest(self) -> dict[str, str]:
        return projection_digest(self.reader(), self.projections)

    # ----------------------------------------------------------------- closing
    def close(self) -> None:
        with self._readers_lock:
            for conn in self._all_readers:
                conn.close()
            self._all_readers.clear()
        self._readers = threading.local()
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
