"""The FLOP count behind train_speed's ceiling fraction, with LoRA on every layer or on the top ones only."""

from __future__ import annotations

from types import SimpleNamespace

from benchmarks.train_speed import Shape

SHAPE = Shape(layers=4, hidden=8, intermediate=16, heads=2, kv_heads=1, head_dim=4, vocab=32)
COUNTS = SimpleNamespace(tokens=10, squared_lengths=30, target_tokens=2)


def test_every_layer_trained_costs_forward_and_both_gradients() -> None:
    linear, lora = SHAPE.linear_params(), SHAPE.lora_params(2)
    assert linear == 8 * 8 + 2 * 8 * 4 + 8 * 8 + 3 * 8 * 16
    expected = 4 * (4 * linear + 6 * lora) * 10 + 4 * 6 * 2 * 4 * (30 + 10) + 4 * 32 * 8 * 2
    assert SHAPE.train_flops(COUNTS, 2) == expected


def test_layers_below_the_first_lora_layer_cost_their_forward_only() -> None:
    linear, lora = SHAPE.linear_params(), SHAPE.lora_params(2)
    upper = SHAPE.train_flops(COUNTS, 2, first=3)
    expected = (1 * (4 * linear + 6 * lora) + 3 * 2 * linear) * 10 + (6 * 1 + 2 * 3) * 2 * 4 * (30 + 10) + 4 * 32 * 8 * 2
    assert upper == expected
    assert upper < SHAPE.train_flops(COUNTS, 2)
