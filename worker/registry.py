"""The adapter registry format, in one place: registry/<task>/<version>/ with a
manifest, and a ``current`` pointer per task that changes atomically.
Workers only read it (the current pointer, then `worker.engine.adapters.verify_fit`);
training registers, promotes and rolls back.

    registry/
      sentiment/
        v0001/  adapter_model.safetensors  adapter_config.json  manifest.json
        v0002/  ...
        current          "v0002"  (replaced with os.replace: readers never see half a write)
        history.jsonl    one line per promotion or rollback
        .lock            held by a writer (fcntl.flock) while it reads, changes and writes the task's files

Writers take the task's lock, so an operator recording a threshold while a trainer sets a status,
or two promotions at once, never undo each other or record the wrong previous version. Readers
(workers) take no lock: every file they read is replaced whole.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from schemas.adapters import (
    ALLOWED_FILES,
    MANIFEST,
    WEIGHTS,
    AdapterManifest,
    ManifestDraft,
    VersionStatus,
    interrupted_write_name,
)
from schemas.tasks import TaskKind
from worker.engine.fingerprint import file_sha256
from worker.exceptions import FinnewsError

CURRENT = "current"
HISTORY = "history.jsonl"
LOCK = ".lock"


class RegistryError(FinnewsError):
    """A registry operation cannot be done; the message says why."""


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers see the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(interrupted_write_name(path.name, os.getpid(), threading.get_ident()))
    tmp.write_text(text)
    os.replace(tmp, path)


class Registry:
    def __init__(self, root: Path) -> None:
        self.root = root

    def task_dir(self, task: str) -> Path:
        return self.root / task

    def path(self, task: str, version: str) -> Path:
        return self.root / task / version

    # -- reading -----------------------------------------------------------
    def versions(self, task: str) -> list[str]:
        d = self.task_dir(task)
        if not d.is_dir():
            return []
        return sorted(p.name for p in d.iterdir() if p.is_dir() and p.name.startswith("v") and (p / MANIFEST).is_file())

    def tasks(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.is_dir()) if self.root.is_dir() else []

    def manifest(self, task: str, version: str) -> AdapterManifest:
        path = self.path(task, version) / MANIFEST
        if not path.is_file():
            raise RegistryError(f"no version {version!r} of task {task!r} in {self.root}")
        return AdapterManifest.model_validate_json(path.read_text())

    def current(self, task: str) -> str | None:
        """The version the ``current`` pointer names, or None when there is none."""
        pointer = self.task_dir(task) / CURRENT
        if not pointer.is_file():
            return None
        return pointer.read_text().strip() or None

    def resolve(self, task: str, version: str) -> AdapterManifest:
        """The manifest of ``version`` of ``task``; ``current`` names what the pointer names."""
        if version == "current":
            version = self.current(task) or ""
            if not version:
                raise RegistryError(f"task {task!r} has no current version in {self.root}")
        return self.manifest(task, version)

    def history(self, task: str) -> list[dict[str, Any]]:
        path = self.task_dir(task) / HISTORY
        if not path.is_file():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    # -- writing -----------------------------------------------------------
    @contextmanager
    def _writing(self, task: str) -> Iterator[None]:
        """One writer of ``task``'s files at a time, across processes and threads (an advisory lock, which the
        kernel drops with the process: a killed writer leaves nothing to clean up)."""
        if not self.task_dir(task).is_dir():
            raise RegistryError(f"no task {task!r} in {self.root}")
        # Group-writable, so that operators of one registry share it; read-write, since NFS emulates flock with
        # POSIX locks, which need it (there the lock is per process: threads of one process are not kept apart).
        fd = os.open(self.task_dir(task) / LOCK, os.O_RDWR | os.O_CREAT, 0o664)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    def register(self, adapter_dir: Path, draft: ManifestDraft) -> AdapterManifest:
        """Copy the adapter's safetensors and config into a new version folder with its manifest."""
        task = draft.task
        self.task_dir(task).mkdir(parents=True, exist_ok=True)
        files = [p for p in adapter_dir.iterdir() if p.is_file() and p.name in ALLOWED_FILES]
        if WEIGHTS not in {p.name for p in files}:
            raise RegistryError(f"{adapter_dir} holds no {WEIGHTS}")
        existing = self.versions(task)
        number = int(existing[-1][1:]) + 1 if existing else 1
        while True:
            version = f"v{number:04d}"
            target = self.path(task, version)
            try:
                target.mkdir()  # exclusive: two trainers never take one number
                break
            except FileExistsError:
                number += 1
        for p in files:
            shutil.copy2(p, target / p.name)
        manifest = AdapterManifest(
            **draft.model_dump(),
            version=version,
            files={p.name: file_sha256(target / p.name) for p in files},
            created_at=datetime.now(timezone.utc),
        )
        write_atomic(target / MANIFEST, manifest.model_dump_json(indent=2))
        return manifest

    def set_status(self, task: str, version: str, status: VersionStatus, reason: str) -> AdapterManifest:
        with self._writing(task):
            return self._status(task, version, status, reason)

    def _status(self, task: str, version: str, status: VersionStatus, reason: str) -> AdapterManifest:
        """set_status, under the task's lock."""
        return self._update(task, version, self.manifest(task, version), status=status, status_reason=reason)

    def set_min_support(self, task: str, version: str, value: float, reason: str, allow_current: bool = False) -> AdapterManifest:
        """Record the threshold chosen for a judge version, and how it was chosen, in its manifest.

        Only the manifest changes (it is outside the hashed files). A worker reads it when it loads the version:
        set it before promoting; a worker already serving the version keeps the threshold it loaded, so the current
        version's changes only with ``allow_current``."""
        if not reason.strip():
            raise RegistryError("say how the threshold was chosen (--reason): the data, the rule and the figures")
        with self._writing(task):
            if self.current(task) == version and not allow_current:
                # Workers swap only on a new version: those serving this one keep what they loaded, while a
                # restarted or added replica would read the new value, and one fleet would judge by two thresholds.
                raise RegistryError(
                    f"{task} {version} is current: workers serving it keep the threshold they loaded until they "
                    "restart, so replicas would judge by two thresholds. Record a version's threshold before "
                    "promoting it, or pass --force and restart the workers"
                )
            manifest = self.manifest(task, version)
            if manifest.kind is not TaskKind.classify:
                raise RegistryError(
                    f"{task} {version} is a {manifest.kind.value} adapter: only a classifier (a judge) has a threshold"
                )
            return self._update(task, version, manifest, min_support=value, min_support_reason=reason.strip())

    def _update(self, task: str, version: str, manifest: AdapterManifest, **fields: Any) -> AdapterManifest:
        """Rewrite ``manifest`` (the one of ``version`` of ``task``, as read) with ``fields`` changed and validated;
        its hashed files stay as they are."""
        updated = AdapterManifest.model_validate({**manifest.model_dump(), **fields})
        write_atomic(self.path(task, version) / MANIFEST, updated.model_dump_json(indent=2))
        return updated

    def set_current(self, task: str, version: str, kind: str, reason: str, forced: bool = False) -> str | None:
        """Point ``current`` at ``version`` atomically; returns the previous version."""
        with self._writing(task):
            return self._point(task, version, kind, reason, forced)

    def _point(self, task: str, version: str, kind: str, reason: str, forced: bool) -> str | None:
        """set_current, under the task's lock."""
        self.manifest(task, version)  # must exist
        previous = self.current(task)
        write_atomic(self.task_dir(task) / CURRENT, version + "\n")
        entry = {
            "type": kind,
            "version": version,
            "previous": previous,
            "reason": reason,
            "forced": forced,
            "at": datetime.now(timezone.utc).isoformat(),
        }
        with (self.task_dir(task) / HISTORY).open("a") as fh:
            fh.write(json.dumps(entry) + "\n")
        return previous

    def promote(self, task: str, version: str, reason: str, forced: bool = False) -> str | None:
        with self._writing(task):
            self._status(task, version, VersionStatus.promoted, reason)
            return self._point(task, version, "promoted", reason, forced)

    def rollback(self, task: str, reason: str = "operator rollback") -> tuple[str, str]:
        """Go back to the version that was current before the current one; returns (from, to)."""
        with self._writing(task):
            current = self.current(task)
            if current is None:
                raise RegistryError(f"task {task!r} has no current version to roll back")
            # Follow the promotion that made the current version current (not a
            # rollback entry: rolling back twice must not redo the first one).
            for entry in reversed(self.history(task)):
                if entry["type"] == "promoted" and entry["version"] == current:
                    target = entry["previous"]
                    if target:
                        self._point(task, target, "rolled_back", reason, forced=False)
                        return current, target
                    break
            raise RegistryError(f"task {task!r}: no earlier version to roll back to from {current}")
