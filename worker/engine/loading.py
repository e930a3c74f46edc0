"""Loading the base model in NF4 and attaching one LoRA adapter per task.

The only module that imports bitsandbytes (through transformers) and peft.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog
import torch

from schemas.tasks import TaskSpec
from worker.config import ModelSettings
from worker.engine.fingerprint import adapter_version, model_fingerprint
from worker.exceptions import FatalEngineError

log = structlog.get_logger(__name__)

#: peft's name for "no adapter" inside a mixed batch.
BASE_ADAPTER = "__base__"


@dataclass(frozen=True)
class AdapterInfo:
    name: str  # peft adapter name ("none" for the bare base model)
    version: str


@dataclass
class LoadedModel:
    model: Any  # a transformers PreTrainedModel, or a peft PeftModel around one
    tokenizer: Any  # for the event loop (prompt rendering)
    decode_tokenizer: Any  # a second instance for the engine thread; fast tokenizers are not thread-safe
    base_name: str
    fingerprint: str
    adapters: dict[str, AdapterInfo]  # task name -> adapter
    device: torch.device

    @property
    def has_adapters(self) -> bool:
        return any(a.name != "none" for a in self.adapters.values())

    def peft_name(self, task: str) -> str:
        info = self.adapters[task]
        return BASE_ADAPTER if info.name == "none" else info.name


def resolve_device(setting: str) -> torch.device:
    if setting == "auto":
        return torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    if setting.startswith("cuda") and not torch.cuda.is_available():
        raise FatalEngineError(f"model.device={setting!r} but no CUDA device is available")
    return torch.device(setting)


def quantization_config(settings: ModelSettings) -> Any:
    from transformers import BitsAndBytesConfig

    return BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type="nf4",
        bnb_4bit_use_double_quant=True,
        bnb_4bit_compute_dtype=getattr(torch, settings.compute_dtype),
    )


def load_tokenizer(base: Path) -> Any:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(base)
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def load_model(settings: ModelSettings, tasks: list[TaskSpec]) -> LoadedModel:
    """Load the causal-LM base once and attach every task's adapter by task name."""
    from transformers import AutoModelForCausalLM
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()

    if settings.base is None:
        raise FatalEngineError("model.base is not set (FINNEWS_MODEL__BASE): no model to load")
    base = settings.base
    device = resolve_device(settings.device)
    if settings.torch_threads:
        torch.set_num_threads(settings.torch_threads)
    fingerprint = model_fingerprint(base)
    kwargs: dict[str, Any] = {"use_safetensors": True, "device_map": {"": str(device)}}
    if settings.quantize:
        kwargs["quantization_config"] = quantization_config(settings)
    else:
        kwargs["dtype"] = getattr(torch, settings.compute_dtype)
    try:
        model = AutoModelForCausalLM.from_pretrained(base, **kwargs)
    except (OSError, ValueError, RuntimeError) as exc:
        raise FatalEngineError(f"cannot load base model from {base}: {exc}") from exc
    model.eval()
    adapters: dict[str, AdapterInfo] = {}
    for task in tasks:
        if task.adapter is None:
            adapters[task.name] = AdapterInfo(name="none", version="base")
            continue
        model = _attach_adapter(model, task.adapter, task.name)
        adapters[task.name] = AdapterInfo(name=task.name, version=adapter_version(task.adapter))
    model.eval()
    log.info(
        "model_loaded",
        base=str(base),
        fingerprint=fingerprint,
        device=str(device),
        quantized=settings.quantize,
        adapters={k: f"{v.name}@{v.version}" for k, v in adapters.items()},
    )
    return LoadedModel(
        model=model,
        tokenizer=load_tokenizer(base),
        decode_tokenizer=load_tokenizer(base),
        base_name=base.name,
        fingerprint=fingerprint,
        adapters=adapters,
        device=device,
    )


def _attach_adapter(model: Any, path: Path, name: str) -> Any:
    from peft import PeftModel

    try:
        if isinstance(model, PeftModel):
            model.load_adapter(str(path), adapter_name=name, is_trainable=False)
            return model
        return PeftModel.from_pretrained(model, str(path), adapter_name=name, is_trainable=False)
    except (OSError, ValueError, RuntimeError, KeyError) as exc:
        raise FatalEngineError(f"cannot load adapter {name!r} from {path}: {exc}") from exc
