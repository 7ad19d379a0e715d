"""The new-articles sensor asks for a run when the folder changes, and only then."""
from __future__ import annotations

import os

import dagster as dg

from pipeline.definitions import defs


def _evaluate(cursor):
    sensor = defs.resolve_sensor_def("new_articles_sensor")
    context = dg.build_sensor_context(cursor=cursor)
    return sensor.evaluate_tick(context)


def test_sensor_requests_run_on_new_file_and_skips_when_unchanged(monkeypatch, tmp_path):
    monkeypatch.setenv("ARMS_ARTICLES_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("Title\n\nRussia bought drones from Iran.\n")
    first = _evaluate(None)
    assert len(first.run_requests) == 1
    cursor = first.cursor
    again = _evaluate(cursor)
    assert again.run_requests == [] and again.skip_message
    (tmp_path / "b.json").write_text('{"text": "Iran sold drones to Russia."}')
    third = _evaluate(cursor)
    assert len(third.run_requests) == 1 and third.cursor != cursor


def test_sensor_sees_an_edit_and_a_removal(monkeypatch, tmp_path):
    monkeypatch.setenv("ARMS_ARTICLES_DIR", str(tmp_path))
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nOne.\n")
    cursor = _evaluate(None).cursor
    path.write_text("Title\n\nOne, edited.\n")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    edited = _evaluate(cursor)
    assert len(edited.run_requests) == 1
    path.unlink()
    assert len(_evaluate(edited.cursor).run_requests) == 1


def test_sensor_sees_an_edit_that_keeps_size_and_mtime(monkeypatch, tmp_path):
    """`cp -p`/`rsync --times` style: same size, mtime put back; only ctime tells the change."""
    monkeypatch.setenv("ARMS_ARTICLES_DIR", str(tmp_path))
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nIran sold drones.\n")
    before = path.stat()
    cursor = _evaluate(None).cursor
    path.write_text("Title\n\nIraq sold drones.\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert len(_evaluate(cursor).run_requests) == 1


def test_sensor_skips_missing_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("ARMS_ARTICLES_DIR", str(tmp_path / "nope"))
    result = _evaluate(None)
    assert not result.run_requests and "does not exist" in result.skip_message


def test_removing_an_added_file_requests_a_run_with_a_new_run_key(monkeypatch, tmp_path):
    """Dagster skips a run_key it has seen: back to an earlier folder state must still start a run."""
    monkeypatch.setenv("ARMS_ARTICLES_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("Title\n\nRussia bought drones from Iran.\n")
    seen: set[str] = set()

    def tick(cursor):
        result = _evaluate(cursor)
        assert len(result.run_requests) == 1
        key = result.run_requests[0].run_key
        assert key not in seen, "the daemon would skip this run"
        seen.add(key)
        return result.cursor

    cursor = tick(None)
    added = tmp_path / "b.txt"
    added.write_text("Title\n\nIran sold drones to Russia.\n")
    cursor = tick(cursor)
    added.unlink()                      # the folder is as it was at the first tick
    tick(cursor)


def test_sensor_reads_a_cursor_from_before_generations(monkeypatch, tmp_path):
    from pipeline.sensors import folder_fingerprint

    monkeypatch.setenv("ARMS_ARTICLES_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("Title\n\nOne.\n")
    old_cursor, _ = folder_fingerprint(tmp_path)       # the bare fingerprint older versions stored
    assert _evaluate(old_cursor).run_requests == []
