"""The Stanford Sentiment Treebank of ``benchdata/sst_phrases`` as the engine reads it.

Shared by ``train_scorer.py`` (dev trees as training rows) and ``accuracy.py`` (test trees
as measures). Each tree is one line of PTB brackets with a 0-4 label on every node; a
node's text is its leaves with the treebank's escapes undone and its clitics joined back
to their words ("does n't" -> "doesn't", "it 's" -> "it's"), i.e. the text a critic wrote.

The SST sentences are Rotten Tomatoes snippets from the same pool as
``rt_sentence_polarity``: the dev trees that are rt test snippets (the set's own overlap
list) are never trained on, and the SST test sentences measured are those that are not rt
dev snippets (equal after lower-casing, after undoing escapes, on letters and digits only,
or, from 20 characters, inside one), since the rt dev snippets are training text.
"""

from __future__ import annotations

import csv
import gzip
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

_PTB = {"-LRB-": "(", "-RRB-": ")", "-LCB-": "{", "-RCB-": "}", "-LSB-": "[", "-RSB-": "]",
        "``": '"', "''": '"'}
_CLITICS = frozenset(("n't", "'s", "'re", "'ll", "'d", "'m", "'ve"))
_TOKENS = re.compile(r"\(|\)|[^ ()]+")
# the negators of the measure "SST phrases containing a negator"
NEGATORS = frozenset(("not", "no", "never", "nothing", "none", "nobody", "nor", "without", "hardly", "cannot"))


def leaf_text(leaves: list[str]) -> str:
    out: list[str] = []
    for w in leaves:
        w = _PTB.get(w, w).replace("\\/", "/").replace("\\*", "*").replace("\u00a0", " ")
        if out and w.lower() in _CLITICS and out[-1] not in '"(':
            out[-1] += w
        else:
            out.append(w)
    return " ".join(out)


def parse_tree(line: str) -> tuple[list[str], list[tuple[int, int, int]]]:
    """The leaves and the labelled nodes ``(label, first leaf, end leaf)``, root first."""
    toks = _TOKENS.findall(line)
    leaves: list[str] = []
    nodes: list = []
    stack: list[tuple[int, int]] = []  # (node index, first leaf)
    pos = 0
    while pos < len(toks):
        t = toks[pos]
        if t == "(":
            nodes.append(int(toks[pos + 1]))
            stack.append((len(nodes) - 1, len(leaves)))
            pos += 2
        elif t == ")":
            idx, first = stack.pop()
            nodes[idx] = (nodes[idx], first, len(leaves))
            pos += 1
        else:
            leaves.append(t)
            pos += 1
    return leaves, nodes


@lru_cache(maxsize=4)
def trees(data: Path, split: str) -> list[dict]:
    """Every tree of a split: ``line`` (1-based), ``key`` (the split key: leaves as given),
    ``text`` (as written), ``root`` label and ``nodes`` ``(label, text)``, root first."""
    out = []
    with gzip.open(Path(data) / "sst_phrases" / f"{split}.txt.gz", "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            leaves, nodes = parse_tree(line.strip())
            out.append({"line": i, "key": " ".join(leaves), "text": leaf_text(leaves), "root": nodes[0][0],
                        "nodes": [(lab, leaf_text(leaves[a:b])) for lab, a, b in nodes]})
    return out


@lru_cache(maxsize=2)
def rt_test_overlap(data: Path) -> dict[str, frozenset]:
    """Lines (per split) of the SST sentences that are rt_sentence_polarity test snippets."""
    out: dict[str, set] = {"dev": set(), "test": set()}
    with gzip.open(Path(data) / "sst_phrases" / "overlap_rt_sentence_polarity_test.tsv.gz", "rt",
                   encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            out[row["split"]].add(int(row["line"]))
    return {k: frozenset(v) for k, v in out.items()}


def alnum(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


@lru_cache(maxsize=2)
def test_sentences(data: Path) -> list[dict]:
    """The SST test trees measured: those whose sentence is not an rt_sentence_polarity dev
    snippet (exact, unescaped, letters and digits, or inside one from 20 characters)."""
    rt = pd.read_csv(Path(data) / "rt_sentence_polarity" / "dev.tsv", sep="\t", keep_default_na=False)
    keys = [alnum(t) for t in rt["text"]]
    exact, joined = set(keys), "|".join(keys)

    def is_rt_dev(text: str) -> bool:
        a = alnum(text)
        return bool(a) and (a in exact or (len(a) >= 20 and a in joined))

    return [t for t in trees(Path(data), "test") if not (is_rt_dev(t["key"]) or is_rt_dev(t["text"]))]


def has_negator(text: str) -> bool:
    return any(w in NEGATORS or w.endswith("n't") for w in text.lower().split())
