"""Content digests that identify a base model and an adapter version."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from schemas.adapters import MANIFEST, WEIGHTS

# Files that define a base model's behaviour; weights are safetensors only
# (nothing is ever unpickled), so *.bin is deliberately not part of a model.
_MODEL_PATTERNS = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "*.safetensors")


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def model_fingerprint(model_dir: Path) -> str:
    """sha256 over (name, sha256) of the config, tokenizer and weight files.

    Hashing the full weights costs tens of seconds for a 7B model at start-up;
    a fingerprint that skipped them could not tell two fine-tunes apart.
    """
    files = sorted({p for pattern in _MODEL_PATTERNS for p in model_dir.glob(pattern) if p.is_file()})
    if not any(p.suffix == ".safetensors" for p in files):
        raise FileNotFoundError(f"{model_dir} holds no *.safetensors weights")
    lines = [f"{p.name}:{file_sha256(p)}" for p in files]
    return "sha256:" + hashlib.sha256("\n".join(lines).encode()).hexdigest()


def adapter_version(adapter_dir: Path) -> str:
    """The version recorded in the adapter's manifest, else a digest of its weights."""
    manifest = adapter_dir / MANIFEST
    if manifest.is_file():
        version = json.loads(manifest.read_text()).get("version")
        if version:
            return str(version)
    weights = adapter_dir / WEIGHTS
    if not weights.is_file():
        raise FileNotFoundError(f"{adapter_dir} has no {WEIGHTS}")
    return "sha-" + file_sha256(weights)[:12]
