"""A replay's files: report.json, report.md and the PNG plots, written into one folder."""

from __future__ import annotations

from pathlib import Path

from training.replay import ReplayRun
from training.replay_plots import write_plots
from training.replay_report import ReplayReport, build_report, write_json, write_markdown


def save(run: ReplayRun, out: Path) -> ReplayReport:
    """Build the report and write report.json, report.md and the PNG plots into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    report = build_report(run)
    report.plots = [p.name for p in write_plots(run, report, out)]
    write_json(report, out)
    write_markdown(report, out)
    return report
