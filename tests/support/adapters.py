"""Random (non-identity) LoRA adapters for the tiny model, saved with peft."""

from __future__ import annotations

from pathlib import Path


def make_adapter(model_dir: Path, out: Path, seed: int, alpha: int = 32) -> Path:
    """A larger ``alpha`` moves the model further from the base (versions that disagree)."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(seed)
    base = AutoModelForCausalLM.from_pretrained(model_dir)
    config = LoraConfig(
        r=8, lora_alpha=alpha, target_modules=["q_proj", "v_proj", "down_proj"], init_lora_weights=False, task_type="CAUSAL_LM"
    )
    peft_model = get_peft_model(base, config)
    peft_model.save_pretrained(out)
    return out
