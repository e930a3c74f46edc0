"""Random (non-identity) LoRA adapters for the tiny model, saved with peft."""

from __future__ import annotations

from pathlib import Path


def make_adapter(
    model_dir: Path,
    out: Path,
    seed: int,
    alpha: int = 32,
    r: int = 8,
    targets: tuple[str, ...] = ("q_proj", "v_proj", "down_proj"),
    dora: bool = False,
) -> Path:
    """A larger ``alpha`` moves the model further from the base (versions that disagree)."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(seed)
    base = AutoModelForCausalLM.from_pretrained(model_dir)
    config = LoraConfig(
        r=r, lora_alpha=alpha, target_modules=list(targets), init_lora_weights=False, use_dora=dora, task_type="CAUSAL_LM"
    )
    peft_model = get_peft_model(base, config)
    peft_model.save_pretrained(out, save_embedding_layers=False)
    return out
