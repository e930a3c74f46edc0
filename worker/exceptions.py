"""Errors of the worker, split by what the caller should do about them."""


class FinnewsError(Exception):
    """Base of every error this package raises on purpose."""


class ConfigError(FinnewsError):
    """A setting is invalid; start-up stops with one line naming it."""


class FatalEngineError(FinnewsError):
    """The engine cannot go on (model failed to load, device lost): exit non-zero."""


class ItemInferenceError(FinnewsError):
    """The model failed on one item alone: dead-letter that item, keep the rest."""


class PromptError(ItemInferenceError):
    """An item cannot be rendered into a task's prompt: dead-letter it before it reaches the model."""


class BrokerError(FinnewsError):
    """The broker could not be reached or refused an admin operation."""


def kafka_error(exc: BaseException) -> str:
    """A Kafka client error as one readable phrase (kafka-python's messages often repeat the class name)."""
    name, text = type(exc).__name__, str(exc)
    return text if text.startswith(name) else f"{name}: {text}"
