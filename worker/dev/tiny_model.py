"""A tiny random-weight causal LM with a real tokenizer, for the demo, tests and benchmarks.

Real architecture classes (Llama), real BPE tokenizer, saved with
``save_pretrained`` so that the production ``from_pretrained`` path loads it.
Its outputs are meaningless; its shapes, code paths and costs are real.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

SPECIAL_TOKENS = ["<pad>", "<s>", "</s>", "<unk>"]


class TinyModelSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    vocab_size: int = Field(default=1024, ge=300)
    hidden_size: int = Field(default=256, ge=64)
    intermediate_size: int = Field(default=512, ge=64)
    num_layers: int = Field(default=4, ge=1)
    num_heads: int = Field(default=4, ge=1)
    max_positions: int = Field(default=2048, ge=128)
    seed: int = 0


def _training_text() -> list[str]:
    """Text the tokenizer learns its merges from: the bundled sample news and the default prompts."""
    from schemas.tasks import DEFAULT_CLASSIFY_PROMPT, DEFAULT_SUMMARIZE_PROMPT

    lines = [DEFAULT_CLASSIFY_PROMPT, DEFAULT_SUMMARIZE_PROMPT, "positive negative neutral"]
    raw = resources.files("worker.dev").joinpath("sample/news.jsonl").read_bytes()
    for line in raw.splitlines():
        try:
            record = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        if isinstance(record, dict):
            lines.extend(str(v) for v in record.values() if isinstance(v, str))
    return lines


def build_tokenizer(vocab_size: int) -> "object":
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(_training_text(), trainer)
    # Prompts start with BOS, as the instruct models in production do.
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A", pair="<s> $A <s> $B", special_tokens=[("<s>", tok.token_to_id("<s>"))]
    )
    return PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", bos_token="<s>", eos_token="</s>", unk_token="<unk>")


def build_tiny_model(out_dir: Path, spec: TinyModelSpec | None = None) -> Path:
    """Write a tiny Llama causal LM and its tokenizer to ``out_dir``; returns it."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    spec = spec or TinyModelSpec()
    out_dir.mkdir(parents=True, exist_ok=True)
    tokenizer = build_tokenizer(spec.vocab_size)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=spec.hidden_size,
        intermediate_size=spec.intermediate_size,
        num_hidden_layers=spec.num_layers,
        num_attention_heads=spec.num_heads,
        num_key_value_heads=spec.num_heads,
        max_position_embeddings=spec.max_positions,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        tie_word_embeddings=False,
    )
    torch.manual_seed(spec.seed)
    model = LlamaForCausalLM(config)
    model.save_pretrained(out_dir, safe_serialization=True)
    tokenizer.save_pretrained(out_dir)
    return out_dir


def build_tiny_encoder(out_dir: Path, seed: int = 0) -> Path:
    """A tiny random-weight BERT encoder (no head) with the tiny tokenizer: the encoder profile's test base.

    Saved as a bare BertModel, as sentence encoders such as all-MiniLM-L6-v2
    ship; a classification head is added (and trained) on top when loaded.
    """
    import torch
    from transformers import BertConfig, BertModel

    out_dir.mkdir(parents=True, exist_ok=True)
    tokenizer = build_tokenizer(1024)
    config = BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=128,
        intermediate_size=256,
        num_hidden_layers=2,
        num_attention_heads=2,
        max_position_embeddings=512,
        pad_token_id=tokenizer.pad_token_id,
    )
    torch.manual_seed(seed)
    BertModel(config).save_pretrained(out_dir, safe_serialization=True)
    tokenizer.save_pretrained(out_dir)
    return out_dir
