"""QLoRA fine-tuning with the transformers Trainer.

The base is loaded exactly as the worker loads it (NF4, same code), prepared
for k-bit training, and given LoRA on the chosen modules and layer range.
Classification is trained on the quantity the engine scores: for the causal
profile, the log-likelihood of the label's tokens after the same prompt
(loss on the label tokens only); for the encoder profile, cross-entropy of
the classification head. Summarization trains prompt -> summary with the
loss on the summary tokens only.
"""

from __future__ import annotations

import math
import resource
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import structlog
import torch

from schemas.tasks import Profile, TaskKind, TaskSpec
from training.data import Example
from worker.config import ModelSettings
from worker.engine.loading import compute_dtype, load_base, load_tokenizer, resolve_device
from worker.engine.prompts import encoder_ids, render_prompt_ids
from worker.engine.scoring import label_token_ids

log = structlog.get_logger(__name__)

DEFAULT_TARGETS = {Profile.causal: ["q_proj", "k_proj", "v_proj", "o_proj"], Profile.encoder: ["query", "key", "value", "dense"]}
LAYERS_PATTERN = {Profile.causal: "layers", Profile.encoder: "layer"}


@dataclass
class TrainConfig:
    """Hyper-parameters; recorded in the version's manifest."""

    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    target_modules: list[str] | None = None  # None: the profile's attention (and dense) projections
    layers: tuple[int, int] | None = None  # [from, to) layer indices that get LoRA; None: all
    epochs: float = 3.0
    max_steps: int = -1  # > 0 overrides epochs
    learning_rate: float = 2e-4
    batch_size: int = 16
    warmup_ratio: float = 0.06
    weight_decay: float = 0.0
    lr_scheduler: str = "linear"
    seed: int = 0
    max_input_tokens: int = 256
    # None: on a GPU only. Recomputing activations saves memory a CPU has plenty of, at ~30% more compute.
    gradient_checkpointing: bool | None = None
    # Batches of similar lengths (length_grouped_order): each batch is padded to its own longest
    # row, so grouping cuts the padding; the loss is unchanged (target tokens only).
    group_by_length: bool = True
    # The old padding (every batch to max_input_tokens plus the longest target); kept to measure against.
    pad_to_max_length: bool = False
    # Classification: weigh each example by n / (classes * count of its class), so a
    # small, imbalanced set does not collapse to the majority class.
    balance_classes: bool = True
    # The old causal loss (the model's own, logits at every position); kept to measure against.
    full_logits: bool = False
    # Warm start: an adapter folder whose LoRA weights training continues from (another epoch, new
    # data); the LoRA shape (r, alpha, dropout, modules, layers) is then that adapter's.
    init_from: Path | None = None

    def record(self) -> dict[str, Any]:
        data = asdict(self)
        data["layers"] = list(self.layers) if self.layers else None
        data["init_from"] = str(self.init_from) if self.init_from else None
        return data

    def shaped_like(self, adapter_dir: Path) -> "TrainConfig":
        """This config warm-started from ``adapter_dir``, its LoRA fields read from that adapter's
        config, so the manifest records the shape that was actually trained."""
        from peft import LoraConfig

        parent = LoraConfig.from_pretrained(str(adapter_dir))
        layers = parent.layers_to_transform
        if isinstance(layers, int):
            layers = [layers]
        return replace(
            self,
            init_from=adapter_dir,
            lora_r=parent.r,
            lora_alpha=int(parent.lora_alpha),
            lora_dropout=parent.lora_dropout,
            target_modules=_module_names(parent.target_modules),
            layers=(min(layers), max(layers) + 1) if layers else None,
        )


@dataclass
class TokenCounts:
    """What the training steps ran: rows, real (unpadded) tokens, tokens with padding, target tokens,
    and the sum of squared row lengths (attention work grows with it)."""

    rows: int = 0
    tokens: int = 0
    padded_tokens: int = 0
    target_tokens: int = 0
    squared_lengths: int = 0

    def add(self, batch: dict[str, torch.Tensor], profile: Profile) -> None:
        lengths = batch["attention_mask"].sum(1)
        self.rows += int(lengths.numel())
        self.tokens += int(lengths.sum())
        self.padded_tokens += int(batch["input_ids"].numel())
        self.squared_lengths += int((lengths**2).sum())
        self.target_tokens += int((batch["labels"] != -100).sum()) if profile is Profile.causal else 0

    @property
    def padding_fraction(self) -> float:
        return 1 - self.tokens / self.padded_tokens if self.padded_tokens else 0.0


@dataclass(frozen=True)
class TrainResult:
    adapter_dir: Path
    seconds: float
    peak_memory_bytes: int
    train_loss: float | None
    steps: int = 0
    counts: TokenCounts = field(default_factory=TokenCounts)
    compute_dtype: str = ""

    @property
    def examples_per_s(self) -> float:
        return self.counts.rows / self.seconds if self.seconds else float("nan")

    @property
    def seconds_per_step(self) -> float:
        return self.seconds / self.steps if self.steps else float("nan")


def _module_names(found: Any) -> list[str] | None:
    """A LoRA config's target modules as a list (peft also allows one regex string)."""
    if not found:
        return None
    return [found] if isinstance(found, str) else sorted(found)


def class_weights(task: TaskSpec, examples: list[Example]) -> dict[str, float]:
    """Inverse-frequency ("balanced") weights of the labels present, mean 1 over the examples."""
    counts = {label: sum(1 for e in examples if e.label == label) for label in task.labels}
    present = {label: n for label, n in counts.items() if n}
    return {label: len(examples) / (len(present) * n) for label, n in present.items()}


def _features(
    task: TaskSpec, examples: list[Example], tokenizer: Any, cfg: TrainConfig, profile: Profile
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    weights = class_weights(task, examples) if task.kind is TaskKind.classify and cfg.balance_classes else {}
    for e in examples:
        item = e.item()
        weight = weights.get(e.label or "", 1.0)
        if profile is Profile.encoder:
            rows.append(
                {
                    "input_ids": encoder_ids(item, tokenizer, cfg.max_input_tokens),
                    "labels": task.labels.index(e.label),
                    "weight": weight,
                }
            )
            continue
        prompt = render_prompt_ids(item, task, tokenizer, cfg.max_input_tokens)
        if task.kind is TaskKind.classify:
            target = label_token_ids(tokenizer, (e.label,))[0]
        else:
            target = tokenizer(" " + (e.summary or ""), add_special_tokens=False)["input_ids"][: task.max_new_tokens]
            if len(target) < task.max_new_tokens and tokenizer.eos_token_id is not None:
                target = target + [tokenizer.eos_token_id]
        rows.append({"input_ids": prompt + target, "labels": [-100] * len(prompt) + target, "weight": weight})
    return rows


def target_loss(model: Any, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """Next-token cross-entropy on the target positions only (label or summary tokens).

    The LM head runs on those positions alone: with Gemma's 262,144-token
    vocabulary it is most of the model, and evaluating it at every prompt
    position (what ``model(labels=...)`` does) is where training time went.
    The decoder still carries the LoRA layers (peft injects them in place).
    """
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    hidden = base.get_decoder()(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).last_hidden_state
    targets = batch["labels"][:, 1:]
    keep = targets != -100
    logits = base.get_output_embeddings()(hidden[:, :-1][keep])
    cap = getattr(base.config, "final_logit_softcapping", None)
    if cap:
        logits = torch.tanh(logits / cap) * cap
    token_loss = torch.nn.functional.cross_entropy(logits.float(), targets[keep], reduction="none")
    # Each row's mean over its own target tokens, weighted by the row's class weight.
    rows = keep.nonzero()[:, 0]
    per_row = torch.zeros(keep.shape[0], device=token_loss.device).index_add(0, rows, token_loss)
    per_row = per_row / keep.sum(1).clamp(min=1)
    weights = batch.get("weights", torch.ones(keep.shape[0])).to(per_row.device)
    return (per_row * weights).sum() / weights.sum()


def weighted_classifier_loss(model: Any, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """Cross-entropy of the classification head, each row weighted by its class weight."""
    logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits
    loss = torch.nn.functional.cross_entropy(logits.float(), batch["labels"], reduction="none")
    weights = batch.get("weights", torch.ones(loss.shape[0])).to(loss.device)
    return (loss * weights).sum() / weights.sum()


def length_grouped_order(
    lengths: list[int], batch_size: int, generator: torch.Generator, mega_batches: int = 8, bucket: int = 8
) -> list[int]:
    """A training order whose consecutive ``batch_size`` slices hold rows of similar lengths.

    Shuffle; cut into mega-batches of ``mega_batches`` batches; sort each by
    length in buckets of ``bucket`` tokens (the sort is stable, so rows within
    a bucket stay shuffled: batches of one length band still mix their labels)
    and cut it into batches; shuffle the batches (a short last batch stays
    last, so the loader's slices stay aligned). Unlike transformers'
    LengthGroupedSampler, a set smaller than four mega-batches is still
    grouped, and the longest batch does not always come first.
    """
    perm = torch.randperm(len(lengths), generator=generator).tolist()
    span = batch_size * mega_batches
    batches: list[list[int]] = []
    for start in range(0, len(perm), span):
        mega = sorted(perm[start : start + span], key=lambda i: lengths[i] // bucket, reverse=True)
        batches += [mega[i : i + batch_size] for i in range(0, len(mega), batch_size)]
    tail = [batches.pop()] if batches and len(batches[-1]) < batch_size else []
    order = torch.randperm(len(batches), generator=generator).tolist()
    return [i for b in [batches[j] for j in order] + tail for i in b]


def grouping_length(row: dict[str, Any], task: TaskSpec) -> int:
    """The length a row is grouped by: for classification the prompt alone, since the label's own
    tokens differ by label ("up" vs "down") and would sort batches by class."""
    if task.kind is TaskKind.classify and isinstance(row["labels"], list):
        return sum(1 for t in row["labels"] if t == -100)
    return len(row["input_ids"])


class LengthGroupedBatches(torch.utils.data.Sampler[int]):
    """``length_grouped_order`` as a sampler; a new seeded order every epoch."""

    def __init__(self, lengths: list[int], batch_size: int, seed: int) -> None:
        self.lengths, self.batch_size = lengths, batch_size
        self.generator = torch.Generator().manual_seed(seed)

    def __len__(self) -> int:
        return len(self.lengths)

    def __iter__(self) -> Any:
        return iter(length_grouped_order(self.lengths, self.batch_size, self.generator))


class _Collator:
    """Pads each batch to its own longest row (``pad_to``: at least that many tokens, the old fixed padding)."""

    def __init__(self, pad_id: int, profile: Profile, pad_to: int | None = None) -> None:
        self.pad_id, self.profile, self.pad_to = pad_id, profile, pad_to

    def __call__(self, rows: list[dict[str, Any]]) -> dict[str, torch.Tensor]:
        longest = max(max(len(r["input_ids"]) for r in rows), self.pad_to or 0)
        ids = torch.full((len(rows), longest), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(rows), longest), dtype=torch.long)
        for i, r in enumerate(rows):
            ids[i, : len(r["input_ids"])] = torch.tensor(r["input_ids"])
            mask[i, : len(r["input_ids"])] = 1
        batch = {"input_ids": ids, "attention_mask": mask}
        if "weight" in rows[0]:
            batch["weights"] = torch.tensor([r["weight"] for r in rows], dtype=torch.float32)
        if self.profile is Profile.encoder:
            batch["labels"] = torch.tensor([r["labels"] for r in rows], dtype=torch.long)
        else:
            labels = torch.full((len(rows), longest), -100, dtype=torch.long)
            for i, r in enumerate(rows):
                labels[i, : len(r["labels"])] = torch.tensor(r["labels"])
            batch["labels"] = labels
        return batch


def lora_config(task: TaskSpec, cfg: TrainConfig, profile: Profile) -> Any:
    from peft import LoraConfig, TaskType

    kwargs: dict[str, Any] = {}
    if cfg.layers is not None:
        kwargs["layers_to_transform"] = list(range(*cfg.layers))
        kwargs["layers_pattern"] = LAYERS_PATTERN[profile]
    return LoraConfig(
        r=cfg.lora_r,
        lora_alpha=cfg.lora_alpha,
        lora_dropout=cfg.lora_dropout,
        target_modules=cfg.target_modules or DEFAULT_TARGETS[profile],
        task_type=TaskType.SEQ_CLS if profile is Profile.encoder else TaskType.CAUSAL_LM,
        **kwargs,
    )


def finetune(model_settings: ModelSettings, task: TaskSpec, train: list[Example], cfg: TrainConfig, out_dir: Path) -> TrainResult:
    """Train a LoRA adapter for ``task`` and save it (safetensors) into ``out_dir``."""
    from peft import PeftModel, get_peft_model, prepare_model_for_kbit_training
    from transformers import Trainer, TrainerCallback, TrainingArguments, set_seed

    profile = model_settings.profile
    set_seed(cfg.seed)
    device = resolve_device(model_settings.device)
    assert model_settings.base is not None
    tokenizer = load_tokenizer(model_settings.base)
    labels = len(task.labels) if profile is Profile.encoder else None
    model = load_base(model_settings, profile, labels, device)
    dtype = str(compute_dtype(model_settings, device)).removeprefix("torch.")
    checkpointing = cfg.gradient_checkpointing if cfg.gradient_checkpointing is not None else device.type == "cuda"
    if model_settings.quantize:
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=checkpointing)
    elif checkpointing:
        model.gradient_checkpointing_enable()
    if cfg.init_from is not None:
        model = PeftModel.from_pretrained(model, str(cfg.init_from), is_trainable=True)
    else:
        model = get_peft_model(model, lora_config(task, cfg, profile))
    trainable, total = model.get_nb_trainable_parameters()
    log.info(
        "training_started",
        task=task.name,
        profile=profile,
        examples=len(train),
        trainable=trainable,
        total=total,
        gradient_checkpointing=checkpointing,
        compute_dtype=dtype,
        group_by_length=cfg.group_by_length,
        pad_to_max_length=cfg.pad_to_max_length,
        init_from=str(cfg.init_from) if cfg.init_from else None,
    )

    class _LogLoss(TrainerCallback):  # type: ignore[misc]
        def on_log(self, args: Any, state: Any, control: Any, logs: dict[str, float] | None = None, **_: Any) -> None:
            if logs and "loss" in logs:
                log.info("training_progress", step=state.global_step, max_steps=state.max_steps, loss=round(logs["loss"], 4))

    steps_per_epoch = math.ceil(len(train) / cfg.batch_size)
    total_steps = cfg.max_steps if cfg.max_steps > 0 else math.ceil(steps_per_epoch * cfg.epochs)
    args = TrainingArguments(
        output_dir=str(out_dir / "trainer"),
        per_device_train_batch_size=cfg.batch_size,
        num_train_epochs=cfg.epochs,
        max_steps=cfg.max_steps,
        learning_rate=cfg.learning_rate,
        lr_scheduler_type=cfg.lr_scheduler,
        warmup_steps=int(cfg.warmup_ratio * total_steps),
        weight_decay=cfg.weight_decay,
        logging_steps=10,
        save_strategy="no",
        report_to=[],
        seed=cfg.seed,
        data_seed=cfg.seed,
        remove_unused_columns=False,
        use_cpu=device.type == "cpu",
        dataloader_num_workers=0,
    )
    counts = TokenCounts()
    loss_fn = target_loss if profile is Profile.causal else weighted_classifier_loss
    if cfg.full_logits:
        loss_fn = lambda m, b: m(input_ids=b["input_ids"], attention_mask=b["attention_mask"], labels=b["labels"]).loss  # noqa: E731

    class _LossTrainer(Trainer):  # type: ignore[misc]
        def _get_train_sampler(self, train_dataset: Any = None) -> Any:
            if not cfg.group_by_length:
                return super()._get_train_sampler(train_dataset)
            rows = train_dataset if train_dataset is not None else self.train_dataset
            return LengthGroupedBatches([grouping_length(r, task) for r in rows], self.args.train_batch_size, cfg.seed)

        def compute_loss(self, model: Any, inputs: dict[str, torch.Tensor], return_outputs: bool = False, **_: Any) -> Any:
            counts.add(inputs, profile)
            loss = loss_fn(model, inputs)
            return (loss, None) if return_outputs else loss

    features = _features(task, train, tokenizer, cfg, profile)
    pad_to = None
    if cfg.pad_to_max_length:
        pad_to = cfg.max_input_tokens + max(
            sum(1 for t in r["labels"] if t != -100) if isinstance(r["labels"], list) else 0 for r in features
        )
    trainer = _LossTrainer(
        model=model,
        args=args,
        train_dataset=features,
        data_collator=_Collator(tokenizer.pad_token_id, profile, pad_to),
        callbacks=[_LogLoss()],
    )
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(device)
    started = time.perf_counter()
    output = trainer.train()
    seconds = time.perf_counter() - started
    adapter_dir = out_dir / "adapter"
    model.save_pretrained(adapter_dir, safe_serialization=True)
    peak = (
        torch.cuda.max_memory_allocated(device)
        if device.type == "cuda"
        else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    )
    steps = int(output.global_step)
    log.info(
        "training_done",
        task=task.name,
        seconds=round(seconds, 1),
        steps=steps,
        seconds_per_step=round(seconds / max(1, steps), 3),
        examples_per_s=round(counts.rows / seconds, 3) if seconds else None,
        padding_fraction=round(counts.padding_fraction, 3),
        loss=output.training_loss,
    )
    return TrainResult(
        adapter_dir=adapter_dir,
        seconds=seconds,
        peak_memory_bytes=int(peak),
        train_loss=output.training_loss,
        steps=steps,
        counts=counts,
        compute_dtype=dtype,
    )
