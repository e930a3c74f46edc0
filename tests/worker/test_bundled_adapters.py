"""The adapters the package ships (the demo's registry) are whole and fit the default tasks.

They are copied in by hand from a training registry, so a stale file, a missing version or a
default prompt edited after training would otherwise show only when the demo runs on Gemma.
"""

from __future__ import annotations

from schemas.tasks import Profile, default_tasks
from worker.dev.demo import bundled_registry, judge_task
from worker.engine.adapters import mismatches, verify
from worker.registry import Registry


def test_every_bundled_version_verifies_and_each_current_fits_its_default_task() -> None:
    registry = Registry(bundled_registry())
    # The default tasks, and the headline judge the demo serves beside them.
    defaults = {t.name: t for t in [*default_tasks(), judge_task()]}
    assert set(registry.tasks()) == set(defaults)
    fingerprints = set()
    for task, spec in defaults.items():
        versions = registry.versions(task)
        current = registry.current(task)
        assert versions and current in versions, f"{task}: current {current} not among {versions}"
        for version in versions:
            manifest = registry.manifest(task, version)
            # verify() checks the files' hashes against the manifest and the manifest's own fingerprint.
            verify(registry.path(task, version), manifest.base_fingerprint, task)
            fingerprints.add(manifest.base_fingerprint)
        current_manifest = registry.manifest(task, current)
        assert current_manifest.status.value == "promoted"
        assert mismatches(current_manifest, spec, Profile.causal) == []
        # The history's last move (promotion or rollback) is what `current` says, so the copy is whole.
        assert registry.history(task)[-1]["version"] == current
    assert len(fingerprints) == 1, "every bundled adapter must be trained on the same base"
    # The judge serves at the threshold chosen for its version (the demo's task sets none): every judge version
    # must carry one with how it was chosen, or a rollback would serve at a default chosen for no version.
    judge = judge_task()
    assert judge.min_support is None
    for version in registry.versions(judge.name):
        manifest = registry.manifest(judge.name, version)
        assert manifest.min_support is not None and manifest.min_support_reason, f"{judge.name} {version}: no threshold"
