"""The streaming worker: Kafka transport, batching, inference engine, publishing."""
