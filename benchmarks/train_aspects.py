"""Train the aspect model the ``guess`` stage reads (``resources/aspect_model.json.gz``).

    pip install -e ".[bench]"
    python benchmarks/train_aspects.py ../shared/benchdata

Data: the labelled critics' pages of ``benchmarks/pages`` and ``benchmarks/training_pages``,
read by the engine as a user's files are. Every mention the engine cuts that lies on exactly
one labelled judgement's aspect is an example of that aspect (a mention on two judgements of
different aspects teaches nothing). The held-out page sets are not used.

Model: a multinomial logistic regression over the mention's words and word pairs
(``aspect_model.features``), tf-idf weighted (sublinear counts, L2-normalised), so that the
engine computes a mention's probabilities from the file alone. The regularisation and the
least probability a guess needs are chosen by 5-fold cross-validation grouped by film, on
the mentions where a guess is made (opinions that name no aspect word or name): for each
setting, the guesses that are right minus the verdicts on the whole film that a guess
takes away. The cut is the highest that keeps ``KEPT_GAIN`` of the best gain: the pages it
is chosen on are not the pages users bring (their labellers gave a specific aspect to many a
general verdict, which the model then guesses from words that judge anything), and a guess
made less often does less harm where it does not carry over. The run also prints the aspect
recall on the human-labelled sentences of ``rescore_movie_aspects/dev`` at each cut, when
the benchmark data is given.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import dashboard.engine.aspect_model as aspect_model_module  # noqa: E402
from dashboard.engine.aspect_model import MODEL_PATH, AspectModel, features  # noqa: E402
from dashboard.engine.aspects import load_taxonomy  # noqa: E402
from dashboard.text.normalize import normalize  # noqa: E402
from dashboard.text.tokens import tokenize  # noqa: E402

import own_pages  # noqa: E402

C_GRID = (1.0, 3.0, 10.0, 30.0)
CUTS = tuple(round(x, 2) for x in np.arange(0.0, 0.61, 0.05))
KEPT_GAIN = 0.75
DIGITS = 4


def examples(folders) -> tuple[list[list[str]], list[str], list[str], list[bool]]:
    """Per mention on one labelled judgement: its words, the judgement's aspect, its film,
    and whether the engine found no aspect word or name in an opinion (where guesses go)."""
    words, aspects, films, unnamed = [], [], [], []
    # The mentions as the engine cuts and names them before any guess.
    aspect_model_module.aspect_model = lambda: AspectModel.load(Path("/nonexistent"))
    verdict = load_taxonomy().verdict
    for folder in folders:
        labels = own_pages.load_labels(Path(folder))
        analysis = own_pages.analyse(labels, Path(folder))
        reviews = analysis.reviews.set_index("origin")
        by_review = dict(tuple(analysis.mentions.groupby("review_id")))
        for label in labels:
            review_id = reviews.loc[label["file"]]["review_id"]
            text = analysis.text_of(review_id)
            spans = [(s, s + len(j["quote"]), j["aspect"]) for j in label["judgements"]
                     if (s := text.find(j["quote"])) >= 0]
            for _, rows in by_review.get(review_id, analysis.mentions[:0]).groupby("mention_id", sort=False):
                row = rows.iloc[0]
                on = {a for s, e, a in spans if s < row.end and e > row.start}
                if len(on) != 1:
                    continue
                words.append(tokenize(normalize(text[row.start:row.end])).words)
                aspects.append(on.pop())
                films.append(label["film"])
                unnamed.append(bool(row.opinion) and list(rows.aspect) == [verdict] and not rows.aspect_terms.iloc[0])
    return words, aspects, films, unnamed


def vectorise(sentences, idf=None):
    """The tf-idf matrix the engine computes (``AspectModel.probabilities``)."""
    counts = [Counter(f for f, _, _ in features(w)) for w in sentences]
    if idf is None:
        df = Counter(f for c in counts for f in c)
        n = len(sentences)
        idf = {f: math.log((1 + n) / (1 + d)) + 1 for f, d in df.items() if d >= 2}
    vocab = {f: i for i, f in enumerate(idf)}
    rows, cols, vals = [], [], []
    for r, c in enumerate(counts):
        values = {f: (1 + math.log(k)) * idf[f] for f, k in c.items() if f in idf}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        for f, v in values.items():
            rows.append(r)
            cols.append(vocab[f])
            vals.append(v / norm)
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(sentences), len(vocab))), idf


def net_gain(probabilities: np.ndarray, classes: list[str], truth: list[str], cut: float, verdict: str) -> int:
    """Guesses that name the labelled aspect, minus verdicts on the film that a guess replaced."""
    gain = 0
    for p, aspect in zip(probabilities, truth):
        best = int(p.argmax())
        if classes[best] != verdict and p[best] >= cut:
            gain += (classes[best] == aspect) - (aspect == verdict)
    return gain


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchdata", type=Path, nargs="?",
                        help="../shared/benchdata, for the aspect recall on rescore_movie_aspects/dev")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--pages", action="append", type=Path, metavar="DIR",
                        help="a folder of labelled critics' pages (repeatable; default: benchmarks/pages and "
                             "benchmarks/training_pages)")
    args = parser.parse_args(argv)
    verdict = load_taxonomy().verdict
    words, aspects, films, unnamed = examples(args.pages or own_pages.PAGE_FOLDERS)
    y, unnamed = np.array(aspects), np.array(unnamed)
    print(f"{len(y):,} mentions on labelled judgements ({unnamed.sum():,} opinions naming no aspect), "
          f"{len(set(films))} films; aspects: {dict(Counter(aspects).most_common())}")
    results = {}
    for c in C_GRID:
        out_of_fold = np.zeros((len(y), len(set(aspects))))
        for train, held in GroupKFold(5).split(words, y, films):
            X, idf = vectorise([words[i] for i in train])
            model = LogisticRegression(C=c, max_iter=5000).fit(X, y[train])
            out_of_fold[held] = model.predict_proba(vectorise([words[i] for i in held], idf)[0])
        classes = list(model.classes_)
        for cut in CUTS:
            results[c, cut] = net_gain(out_of_fold[unnamed], classes, list(y[unnamed]), cut, verdict)
        baseline = np.mean(y[unnamed] == verdict)
        accuracy = np.mean(np.array(classes)[out_of_fold[unnamed].argmax(1)] == y[unnamed])
        print(f"C={c:g}: on opinions naming no aspect, the model's best aspect is the labelled one for "
              f"{accuracy:.3f} (a verdict on the film: {baseline:.3f}); net gain by cut: "
              + ", ".join(f"{cut:.2f}: {results[c, cut]:+d}" for cut in CUTS))
    best = max(results.values())
    c, cut = max((k for k, v in results.items() if v >= KEPT_GAIN * best), key=lambda k: (k[1], results[k]))
    print(f"chosen: C={c:g}, cut {cut:.2f} (net gain {results[c, cut]:+d} of {unnamed.sum()}; best {best:+d})")
    X, idf = vectorise(words)
    model = LogisticRegression(C=c, max_iter=5000).fit(X, y)
    weights = {f: [round(idf[f], DIGITS), *(round(float(w), DIGITS) for w in model.coef_[:, j])]
               for f, j in zip(idf, range(X.shape[1]))}
    data = {"format": "aspect-linear-v1", "classes": list(model.classes_),
            "bias": [round(float(b), DIGITS) for b in model.intercept_], "min_probability": cut,
            "weights": weights,
            "meta": {"trained_on": f"{len(y)} mentions of labelled judgements on "
                                   f"{', '.join(Path(f).name for f in (args.pages or own_pages.PAGE_FOLDERS))}",
                     "C": c}}
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(data, fh, separators=(",", ":"))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(weights):,} features)")
    if args.benchdata:
        print_rescore_recall(args.benchdata, AspectModel.load(args.out))
    return 0


def print_rescore_recall(benchdata: Path, model: AspectModel) -> None:
    """The human-labelled check: how often the labelled aspect is found on the rescore dev
    sentences, with no guesses and with guesses at a few cuts."""
    from accuracy import bench_rescore

    recall = {}
    for cut in (1.01, 0.35, 0.45, 0.55, 0.65):
        aspect_model_module.aspect_model = lambda c=cut: replace(model, min_probability=c)
        recall[cut] = bench_rescore(benchdata, "critic", "dev")["rescore aspect recall"]
    print("rescore dev aspect recall: no guesses " + f"{recall.pop(1.01):.3f}; by cut: "
          + ", ".join(f"{cut:.2f}: {r:.3f}" for cut, r in recall.items()))


if __name__ == "__main__":
    raise SystemExit(main())
