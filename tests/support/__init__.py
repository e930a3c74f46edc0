"""Helpers shared by the test suite: real brokers and topic readers."""
