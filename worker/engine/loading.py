"""Loading the base model in NF4 and attaching one LoRA adapter per task.

The only module that imports bitsandbytes (through transformers) and peft.
Two profiles: ``causal`` (a decoder LM; classification scores label tokens,
summarization generates) and ``encoder`` (a sequence-classification model such
as MiniLM; classification only).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog
import torch

from schemas.adapters import MANIFEST, AdapterManifest
from schemas.tasks import DEFAULT_MIN_SUPPORT, Profile, TaskKind, TaskSpec
from worker.config import ModelSettings
from worker.engine.adapters import read_manifest, refuse_mismatch, verify_fit
from worker.engine.dtype import resolve_compute_dtype
from worker.engine.fingerprint import adapter_version, model_fingerprint
from worker.engine.routing import BASE_ADAPTER
from worker.exceptions import FatalEngineError

log = structlog.get_logger(__name__)

#: Modules kept out of NF4 on encoders: the head and BERT's pooler must stay in
#: full precision or the first forward fails ("quantization state not initialized").
ENCODER_SKIP_MODULES = ["classifier", "pooler", "score"]


@dataclass(frozen=True)
class AdapterInfo:
    name: str  # peft adapter name ("none" for the bare base model)
    version: str
    path: Path | None = None
    # Classification: the label logits are divided by it before the softmax (the manifest's
    # fitted temperature; 1 for the bare base, a folder without a manifest, or an older manifest).
    temperature: float = 1.0
    # Classification: added to the label logits after the temperature, in the task's label order
    # (the manifest's fitted label biases); None: none.
    bias: tuple[float, ...] | None = None
    # Judges: the support threshold chosen for this version (its manifest's); None: none recorded.
    min_support: float | None = None


@dataclass
class LoadedModel:
    model: Any  # a transformers PreTrainedModel, or a peft PeftModel around one
    tokenizer: Any  # for the event loop (prompt rendering)
    decode_tokenizer: Any  # a second instance for the engine thread; fast tokenizers are not thread-safe
    base_name: str
    fingerprint: str
    adapters: dict[str, AdapterInfo]  # task name -> adapter in service
    device: torch.device
    profile: Profile = Profile.causal

    @property
    def has_adapters(self) -> bool:
        return any(a.name != "none" for a in self.adapters.values())

    def peft_name(self, task: str) -> str:
        info = self.adapters[task]
        return BASE_ADAPTER if info.name == "none" else info.name


def temperature_of(manifest: AdapterManifest) -> float:
    """The temperature an adapter's classification is served at: its manifest's, else 1."""
    return manifest.temperature or 1.0


def bias_of(manifest: AdapterManifest) -> tuple[float, ...] | None:
    """The label biases an adapter's classification is served with, in its labels' order; None: none."""
    if not manifest.label_bias:
        return None
    return tuple(manifest.label_bias.get(label, 0.0) for label in manifest.labels)


def adapter_info(name: str, version: str, path: Path, manifest: AdapterManifest | None) -> AdapterInfo:
    """What the engine serves an adapter with: its manifest's calibration and threshold (none without a manifest)."""
    if manifest is None:
        return AdapterInfo(name=name, version=version, path=path)
    return AdapterInfo(
        name=name,
        version=version,
        path=path,
        temperature=temperature_of(manifest),
        bias=bias_of(manifest),
        min_support=manifest.min_support,
    )


def min_support_of(judge: TaskSpec, info: AdapterInfo) -> float:
    """The threshold a judge serves at: the task's where it sets one (an operator's override), else the one chosen
    for the version in service (its manifest's, so a swap brings its own), else DEFAULT_MIN_SUPPORT."""
    if judge.min_support is not None:
        return judge.min_support
    return info.min_support if info.min_support is not None else DEFAULT_MIN_SUPPORT


def resolve_device(setting: str) -> torch.device:
    if setting == "auto":
        return torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    if setting.startswith("cuda") and not torch.cuda.is_available():
        raise FatalEngineError(f"model.device={setting!r} but no CUDA device is available")
    return torch.device(setting)


def compute_dtype(settings: ModelSettings, device: torch.device) -> torch.dtype:
    """The configured compute dtype; ``auto`` is bfloat16 on a GPU and, on a CPU, bfloat16 when its
    capability flags (AVX-512 BF16, AMX) say so, float32 otherwise (worker.engine.dtype, logged once per process)."""
    return resolve_compute_dtype(settings.compute_dtype, device)


def quantization_config(settings: ModelSettings, profile: Profile = Profile.causal, device: torch.device | None = None) -> Any:
    from transformers import BitsAndBytesConfig

    return BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type="nf4",
        bnb_4bit_use_double_quant=True,
        bnb_4bit_compute_dtype=compute_dtype(settings, device or resolve_device(settings.device)),
        llm_int8_skip_modules=ENCODER_SKIP_MODULES if profile is Profile.encoder else None,
    )


def load_tokenizer(base: Path) -> Any:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(base)
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def num_labels(tasks: list[TaskSpec]) -> int:
    counts = {len(t.labels) for t in tasks if t.kind is TaskKind.classify}
    if len(counts) != 1:
        raise FatalEngineError("an encoder base needs classify tasks that all have the same number of labels")
    return counts.pop()


def load_base(settings: ModelSettings, profile: str, labels: int | None, device: torch.device) -> Any:
    """The base model through from_pretrained, in NF4 unless quantize is off."""
    from transformers import AutoModelForCausalLM, AutoModelForSequenceClassification
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    if settings.base is None:
        raise FatalEngineError("model.base is not set (FINNEWS_MODEL__BASE): no model to load")
    kwargs: dict[str, Any] = {"use_safetensors": True, "device_map": {"": str(device)}}
    if settings.quantize:
        kwargs["quantization_config"] = quantization_config(settings, profile, device)
    else:
        kwargs["dtype"] = compute_dtype(settings, device)
    try:
        if profile is Profile.encoder:
            return AutoModelForSequenceClassification.from_pretrained(settings.base, num_labels=labels, **kwargs)
        return AutoModelForCausalLM.from_pretrained(settings.base, **kwargs)
    except (OSError, ValueError, RuntimeError) as exc:
        raise FatalEngineError(f"cannot load base model from {settings.base}: {exc}") from exc


def load_model(
    settings: ModelSettings, tasks: list[TaskSpec], registry: Path | None = None, fingerprint: str | None = None
) -> LoadedModel:
    """Load the base once and attach every task's adapter.

    A task's adapter is the registry's current version when the registry has
    one (verified: hashes and base fingerprint), else the task's ``adapter``
    folder, else none. ``fingerprint`` saves hashing the base again when the
    caller already did (it costs tens of seconds for a 7B model).
    """
    if settings.base is None:
        raise FatalEngineError("model.base is not set (FINNEWS_MODEL__BASE): no model to load")
    device = resolve_device(settings.device)
    if settings.torch_threads:
        torch.set_num_threads(settings.torch_threads)
    fingerprint = fingerprint or model_fingerprint(settings.base)
    labels = num_labels(tasks) if settings.profile is Profile.encoder else None
    model = load_base(settings, settings.profile, labels, device)
    model.eval()
    # Imported here: worker.registry hashes files with worker.engine.fingerprint (an import cycle at module level).
    from worker.registry import Registry

    versions = Registry(registry) if registry is not None else None
    adapters: dict[str, AdapterInfo] = {}
    for task in tasks:
        current = versions.current(task.name) if versions is not None else None
        if current is not None:
            path = versions.path(task.name, current)  # type: ignore[union-attr]
            manifest = verify_fit(path, fingerprint, task, settings.profile)
            info = adapter_info(f"{task.name}__{current}", current, path, manifest)
        elif task.adapter is not None:
            found = None
            if (task.adapter / MANIFEST).is_file():
                found = read_manifest(task.adapter)
                refuse_mismatch(task.adapter, found, task, settings.profile, same_name=False)
            version = adapter_version(task.adapter)
            info = adapter_info(f"{task.name}__{version}", version, task.adapter, found)
        elif task.judges is not None and task.judges in {t.name for t in tasks}:
            # A bare base's "supported" probability means nothing, and headlines would be replaced on it.
            raise FatalEngineError(
                f"task {task.name!r} judges {task.judges!r} but has no adapter (no registry version, no adapter folder)"
            )
        else:
            adapters[task.name] = AdapterInfo(name="none", version="base")
            continue
        model = attach_adapter(model, info.path, info.name)  # type: ignore[arg-type]
        adapters[task.name] = info
    model.eval()
    log.info(
        "model_loaded",
        base=str(settings.base),
        profile=settings.profile,
        fingerprint=fingerprint,
        device=str(device),
        quantized=settings.quantize,
        adapters={k: f"{v.name}@{v.version}" for k, v in adapters.items()},
    )
    return LoadedModel(
        model=model,
        tokenizer=load_tokenizer(settings.base),
        decode_tokenizer=load_tokenizer(settings.base),
        base_name=settings.base.name,
        fingerprint=fingerprint,
        adapters=adapters,
        device=device,
        profile=settings.profile,
    )


def attach_adapter(model: Any, path: Path, name: str) -> Any:
    """Load the adapter at ``path`` beside those already there; returns the (peft) model."""
    from peft import PeftModel

    try:
        if isinstance(model, PeftModel):
            model.load_adapter(str(path), adapter_name=name, is_trainable=False)
            return model
        return PeftModel.from_pretrained(model, str(path), adapter_name=name, is_trainable=False)
    except (OSError, ValueError, RuntimeError, KeyError) as exc:
        raise FatalEngineError(f"cannot load adapter {name!r} from {path}: {exc}") from exc


def detach_adapter(model: Any, name: str) -> None:
    with warnings.catch_warnings():
        # peft warns when the "active" adapter goes; the engine names each row's adapter, so none is active in that sense.
        warnings.filterwarnings("ignore", message=r"Adapter .* was active which is now deleted")
        model.delete_adapter(name)
