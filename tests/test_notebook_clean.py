"""The notebook is kept without outputs (they would put article text and megabytes of HTML in git)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.skipif(shutil.which("nbstripout") is None, reason="nbstripout is not installed (test extras)")
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.name for n in NOTEBOOKS])
def test_notebook_has_no_outputs(notebook):
    done = subprocess.run(["nbstripout", "--verify", str(notebook)], capture_output=True, text=True)
    assert done.returncode == 0, f"{notebook.name} holds outputs; run `nbstripout {notebook}` ({done.stdout})"
