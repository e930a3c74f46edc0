"""Reading adapter versions from the registry: resolve, verify, refuse.

The worker's side of the registry format (defined in schemas.adapters):
nothing is loaded unless every file's sha256 matches the manifest and the
manifest names the base model actually loaded.
"""

from __future__ import annotations

from pathlib import Path

from schemas.adapters import ALLOWED_FILES, MANIFEST, AdapterManifest
from worker.engine.fingerprint import file_sha256
from worker.exceptions import FinnewsError

CURRENT = "current"


class AdapterRefused(FinnewsError):
    """An adapter version failed verification; the worker keeps what it serves."""


def version_dir(registry: Path, task: str, version: str) -> Path:
    return registry / task / version


def current_version(registry: Path, task: str) -> str | None:
    """The version the registry's ``current`` pointer names, or None when there is none."""
    pointer = registry / task / CURRENT
    if not pointer.is_file():
        return None
    version = pointer.read_text().strip()
    return version or None


def verify(path: Path, base_fingerprint: str, task: str | None = None) -> AdapterManifest:
    """Check the manifest, every file's hash and the base fingerprint; return the manifest."""
    manifest_path = path / MANIFEST
    if not manifest_path.is_file():
        raise AdapterRefused(f"{path}: no {MANIFEST}")
    try:
        manifest = AdapterManifest.model_validate_json(manifest_path.read_text())
    except ValueError as exc:
        raise AdapterRefused(f"{path}: invalid manifest: {exc}") from exc
    if task is not None and manifest.task != task:
        raise AdapterRefused(f"{path}: made for task {manifest.task!r}, not {task!r}")
    unexpected = set(manifest.files) - ALLOWED_FILES
    if unexpected:
        raise AdapterRefused(f"{path}: files other than safetensors weights and config: {sorted(unexpected)}")
    if "adapter_model.safetensors" not in manifest.files:
        raise AdapterRefused(f"{path}: manifest lists no adapter_model.safetensors")
    on_disk = {p.name for p in path.iterdir() if p.is_file() and p.name != MANIFEST}
    if on_disk != set(manifest.files):
        raise AdapterRefused(f"{path}: files on disk {sorted(on_disk)} differ from the manifest's {sorted(manifest.files)}")
    for name, expected in manifest.files.items():
        actual = file_sha256(path / name)
        if actual != expected:
            raise AdapterRefused(f"{path}/{name}: sha256 {actual[:12]}… does not match the manifest's {expected[:12]}…")
    if manifest.base_fingerprint != base_fingerprint:
        raise AdapterRefused(
            f"{path}: trained on base {manifest.base_fingerprint[:19]}…, but the loaded base is {base_fingerprint[:19]}…"
        )
    return manifest
