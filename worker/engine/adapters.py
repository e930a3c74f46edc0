"""Checking an adapter version before it is loaded: verify, refuse.

The worker's side of the registry format (defined in schemas.adapters):
nothing is loaded unless every file's sha256 matches the manifest and the
manifest names the base model actually loaded, and nothing serves a task
unless its manifest was trained for that task as configured (kind, profile,
labels in order, prompt): `verify_fit`.
"""

from __future__ import annotations

from pathlib import Path

from schemas.adapters import ALLOWED_FILES, MANIFEST, WEIGHTS, AdapterManifest, is_interrupted_write
from schemas.tasks import Profile, TaskSpec
from worker.engine.fingerprint import file_sha256
from worker.exceptions import FinnewsError


class AdapterRefused(FinnewsError):
    """An adapter version failed verification; the worker keeps what it serves."""


class AdapterMismatch(AdapterRefused):
    """An intact adapter trained for another definition of the task (kind, profile, labels, prompt)."""


def read_manifest(path: Path) -> AdapterManifest:
    """The manifest of the adapter folder ``path`` (not yet verified)."""
    manifest_path = path / MANIFEST
    if not manifest_path.is_file():
        raise AdapterRefused(f"{path}: no {MANIFEST}")
    try:
        return AdapterManifest.model_validate_json(manifest_path.read_text())
    except ValueError as exc:
        raise AdapterRefused(f"{path}: invalid manifest: {exc}") from exc


def verify(path: Path, base_fingerprint: str, task: str | None = None) -> AdapterManifest:
    """Check the manifest, every file's hash and the base fingerprint; return the manifest."""
    manifest = read_manifest(path)
    if task is not None and manifest.task != task:
        raise AdapterRefused(f"{path}: made for task {manifest.task!r}, not {task!r}")
    unexpected = set(manifest.files) - ALLOWED_FILES
    if unexpected:
        raise AdapterRefused(f"{path}: files other than safetensors weights and config: {sorted(unexpected)}")
    if WEIGHTS not in manifest.files:
        raise AdapterRefused(f"{path}: manifest lists no {WEIGHTS}")
    on_disk = {p.name for p in path.iterdir() if p.is_file() and p.name != MANIFEST and not is_interrupted_write(p.name)}
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


def mismatches(manifest: AdapterManifest, spec: TaskSpec, profile: Profile, same_name: bool = True) -> list[str]:
    """What differs between the task the adapter was trained for and the task as configured, one phrase per field.

    ``same_name=False`` for an adapter folder configured by path, which may
    serve a task of another name as long as it is the same task.
    """
    found = []
    if same_name and manifest.task != spec.name:
        found.append(f"task: made for {manifest.task!r}, configured {spec.name!r}")
    if manifest.kind is not spec.kind:
        found.append(f"kind: trained for {manifest.kind.value}, configured {spec.kind.value}")
    if manifest.profile is not profile:
        found.append(f"profile: trained on the {manifest.profile.value} profile, the worker runs {profile.value}")
    if tuple(manifest.labels) != spec.labels:
        # On the encoder profile a label's position is its index in the head, so
        # a reordered list would silently permute every output.
        same_set = sorted(manifest.labels) == sorted(spec.labels)
        found.append(
            f"labels: trained with {list(manifest.labels)}, configured {list(spec.labels)}"
            + (" (same labels, another order)" if same_set else "")
        )
    if manifest.prompt != spec.template:
        found.append(f"prompt: trained with {manifest.prompt!r}, configured {spec.template!r}")
    return found


def verify_fit(path: Path, base_fingerprint: str, spec: TaskSpec, profile: Profile) -> AdapterManifest:
    """`verify`, then refuse an adapter trained for another definition of ``spec`` (AdapterMismatch)."""
    manifest = verify(path, base_fingerprint, spec.name)
    refuse_mismatch(path, manifest, spec, profile)
    return manifest


def refuse_mismatch(path: Path, manifest: AdapterManifest, spec: TaskSpec, profile: Profile, same_name: bool = True) -> None:
    found = mismatches(manifest, spec, profile, same_name)
    if found:
        raise AdapterMismatch(f"{path}: does not fit task {spec.name!r}: " + "; ".join(found))
