"""Training: dataset building, QLoRA fine-tuning, evaluation, adapter registry, refresh.

Reuses ``worker.engine`` and ``schemas`` so training, evaluation, replay and
serving load and score a model identically. (Built in the training issue.)
"""
