"""How much of the warehouse one scan may remove.

A warehouse mirrors one articles folder: a file that disappears takes its article with it. That makes
a wrong ``ARMS_ARTICLES_DIR`` (an empty folder, a network share that did not mount, another corpus)
look like "every article was deleted". A scan that would remove all or most stored articles is
refused unless the run opts in.
"""
from __future__ import annotations


def mass_removal_problem(n_stored: int, n_removed: int, n_files: int, max_share: float) -> str | None:
    """Why this scan's removals look like a mistake, or None when they may go ahead.

    Refused: a folder without a single input file while articles are stored, or removing more than
    ``max_share`` of the stored articles. A fresh warehouse (nothing stored) never is."""
    if n_stored == 0 or n_removed == 0:
        return None
    if n_files == 0:
        return (f"the articles folder has no input files, so all {n_stored} stored articles would be "
                "removed")
    if n_removed > max_share * n_stored:
        return (f"{n_removed} of {n_stored} stored articles ({n_removed / n_stored:.0%}) are not in the "
                f"articles folder and would be removed; the limit is {max_share:.0%}")
    return None
