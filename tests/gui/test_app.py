"""gui/app.py: who is working, remembered per mode."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from annotator.gui.app import resolve_annotator


def test_review_mode_does_not_overwrite_the_remembered_annotator(clean_settings: QSettings) -> None:
    assert resolve_annotator("hala", clean_settings) == "hala"
    assert resolve_annotator("rev", clean_settings, review=True) == "rev"
    # The next plain start opens the workbench as hala again, not as the reviewer…
    assert resolve_annotator(None, clean_settings) == "hala"
    # …and the next review start remembers the reviewer.
    assert resolve_annotator(None, clean_settings, review=True) == "rev"


def test_a_first_review_start_falls_back_to_the_remembered_name(clean_settings: QSettings) -> None:
    clean_settings.setValue("annotator", "omar")
    assert resolve_annotator(None, clean_settings, review=True) == "omar"


def test_a_second_window_for_the_same_person_and_project_is_noticed(tmp_path) -> None:
    from annotator.gui.app import claim_window

    project = str(tmp_path / "p.db")
    first = claim_window(project, "hala")
    assert first is not None
    assert claim_window(project, "hala") is None            # same person, same file
    other = claim_window(project, "omar")                    # someone else: fine
    assert other is not None
    elsewhere = claim_window(str(tmp_path / "q.db"), "hala")  # another file: fine
    assert elsewhere is not None
    first.unlock()
    again = claim_window(project, "hala")                    # closed: free again
    assert again is not None
    for lock in (other, elsewhere, again):
        lock.unlock()


def test_the_lock_of_a_killed_program_is_taken_over(tmp_path) -> None:
    import signal
    import subprocess
    import sys

    from annotator.gui.app import claim_window

    project = str(tmp_path / "p.db")
    code = ("import sys; from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]);"
            "from annotator.gui.app import claim_window; lock = claim_window(sys.argv[1], 'hala');"
            "print('held' if lock else 'refused', flush=True); sys.stdin.read()")
    child = subprocess.Popen([sys.executable, "-c", code, project], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        assert claim_window(project, "hala") is None  # the other program's window is open
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    lock = claim_window(project, "hala")  # its owner died without unlocking
    assert lock is not None
    lock.unlock()
