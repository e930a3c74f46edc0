"""The converted Gemma folder is put in place once, even when two workers convert it at the same time."""

from pathlib import Path

import pytest

from worker.dev.gemma_model import put_in_place


def _folder(path: Path, *files: str) -> Path:
    path.mkdir()
    for name in files:
        (path / name).write_text("{}")
    return path


def test_the_checked_folder_is_renamed_into_place(tmp_path: Path) -> None:
    partial = _folder(tmp_path / "gemma.partial-a", "config.json", "model.safetensors")
    put_in_place(partial, tmp_path / "gemma")
    assert sorted(p.name for p in (tmp_path / "gemma").iterdir()) == ["config.json", "model.safetensors"]
    assert not partial.exists()


def test_a_second_conversion_keeps_the_first_whole_folder(tmp_path: Path) -> None:
    first = _folder(tmp_path / "gemma", "config.json", "first")
    late = _folder(tmp_path / "gemma.partial-b", "config.json", "second")
    put_in_place(late, first)
    assert sorted(p.name for p in first.iterdir()) == ["config.json", "first"]
    assert not late.exists()


def test_a_folder_in_the_way_that_is_not_a_model_is_an_error(tmp_path: Path) -> None:
    stray = _folder(tmp_path / "gemma", "notes.txt")
    partial = _folder(tmp_path / "gemma.partial-c", "config.json")
    with pytest.raises(OSError):
        put_in_place(partial, stray)
    assert partial.exists()  # convert_gemma's own cleanup removes it
