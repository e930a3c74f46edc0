"""The README's second command, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.kafka


def test_demo_consumes_max_items_and_reports(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FINNEWS_")}
    env["FINNEWS_CACHE_DIR"] = str(tmp_path / "cache")
    proc = subprocess.run(
        [sys.executable, "-m", "worker", "demo", "--max-items", "40", "--model", "tiny"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    last = proc.stdout.strip().splitlines()[-1]
    fields = dict(part.split("=") for part in last.split())
    assert fields["items"] == "40"
    dead = int(fields["dead_lettered"])
    assert dead > 0, "the sample holds malformed records; some of the first 40 must be dead-lettered"
    assert int(fields["classified"]) == int(fields["summarized"]) == 40 - dead
    assert "dead-letter" in proc.stderr and "sentiment" in proc.stderr
    assert (tmp_path / "cache" / "tiny-model" / "config.json").is_file()
