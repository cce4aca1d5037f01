"""Drafts that build: every document of the development corpus, drafted and accepted row by row as the review page
does (no edit), builds into a copy of the curated data folder, or every problem the build finds is a field the
drafted row itself names as left to fill ('To fill: text_en (…)': an English summary the drafter cannot write). A
curator then reviews drafts instead of typing rows (issue 19: 'every drafted row passes the build, or the review page
says exactly what is missing beside the row')."""

import re
import shutil
from pathlib import Path

import pytest

from cityiso.draft.queue import Queue, read_document
from cityiso.draft.save import write_accepted
from cityiso.paths import DATA_DIR

CORPUS = Path(__file__).with_name("draft_corpus")
DOCUMENTS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def clean_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The curated data folder's tables and documents, copied once (no database, no journal)."""
    root = tmp_path_factory.mktemp("clean") / "data"
    shutil.copytree(DATA_DIR, root, ignore=shutil.ignore_patterns("*.duckdb*", ".*", "parquet"))
    return root


def test_the_corpus_is_there() -> None:
    assert len(DOCUMENTS) >= 30


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_a_corpus_document_s_draft_builds(path: Path, clean_data: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(clean_data, data)
    document = read_document(path.name, path.read_bytes(), data, "en", upload=True)
    assert document.draft is not None, document.reason
    queue = Queue()
    queue.add(document)
    queue.decide_rest("accept", data)
    rows, _merges = document.accepted(data)
    written = write_accepted(data, document.text, document.name, rows, out_db=tmp_path / "cityiso.duckdb")
    cells = document.cells(data)
    unnamed = []
    for problem in written.problems:
        table, index = written.placed.get((problem.file, problem.line), (None, None))
        note = cells[table][index].get("note", "") if table else ""
        named = re.search(r"To fill: ([a-z_, ]+)", note)
        if not named or problem.field not in named.group(1).replace(" ", "").split(","):
            unnamed.append(str(problem))
    assert not unnamed, "\n".join(unnamed)
