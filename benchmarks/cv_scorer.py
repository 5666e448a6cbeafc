"""Cross-validate the critic scorer's training settings on the dev splits only.

Usage::

    python benchmarks/cv_scorer.py [BENCHDATA_DIR] [train_scorer options] [--folds 5] [--run 0,1]

Every dev training row belongs to a group (a film for the RT critic quotes, a text for the
RT sentence-polarity snippets, a review for review sentences and whole reviews), and every
group to one of ``--folds`` folds by a stable hash. For each fold the model is fitted as
``train_scorer.py`` fits its first model (without the calibration third of the scale
reviews), on the other folds only; the review-level map is fitted on the calibration
reviews of the other folds; then the fold is measured through the real pipeline:

* RT sentence polarity: accuracy of sign(inferred_score - 50) (no score = wrong), and of
  the scorer alone (sign of the sentence's polarity);
* RT critic quotes: balanced accuracy of fresh/rotten from inferred_score > 50;
* scale reviews (calibration third in this fold): Pearson and MAE of the inferred score;
* rescore dev reviews (not training data; measured with every fold's model): sign accuracy.

The test splits are never read except to remove training texts equal to a test text (as
``train_scorer.py`` does). Fitted fold models are kept under ``--cache`` and reused when
the same settings are asked for again (``--refit`` to fit anew), so that changes to the
aggregation code can be measured without refitting.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # noqa: E402
import train_scorer as T  # noqa: E402
from dashboard.engine import polarity  # noqa: E402


def fold_of(key: str, folds: int) -> int:
    if key.startswith("always:"):
        return -1  # in every fold's training (SST phrases of several trees)
    return int(hashlib.sha1(b"cv:" + key.encode()).hexdigest()[:8], 16) % folds


def code_hash() -> str:
    """Features depend on the lexicon, the reader and the data building."""
    import inspect

    h = hashlib.sha1()
    for p in (polarity.LEXICON_PATH, Path(polarity.__file__), Path(T.sst.__file__), Path(T.__file__)):
        h.update(Path(p).read_bytes())
    for fn in (T.load_all, T.test_keys, T.featurize, T.build_training_set, T.calib_fold):
        h.update(inspect.getsource(fn).encode())
    return h.hexdigest()[:12]


def load_features(data: Path, cache: Path):
    path = cache / f"features-{code_hash()}.pkl"
    if path.exists():
        with open(path, "rb") as fh:
            return pickle.load(fh)
    rules = polarity.load_rules()
    ts = T.build_training_set(data, rules)
    X, names = T.vectorize(ts.rows, 1)
    ts.rows = None  # the matrix holds them
    out = (ts, X, names)
    cache.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        pickle.dump(out, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return out


def write_model(path: Path, polarity: dict, review: dict) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as fh:
        json.dump({"polarity": polarity, "review": review, "meta": {}}, fh)


def use_model(path: Path | None) -> None:
    polarity.use_model(path if path else T.MODEL_PATH)


def main(argv=None) -> int:
    ap = T.parser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--run", default="", help="comma-separated folds to run (default: all)")
    ap.add_argument("--cache", default="/tmp/critic-cv", help="where fold models and features are kept")
    ap.add_argument("--refit", action="store_true")
    ap.add_argument("--preds", default="", help="write per-item held-out predictions to this TSV")
    args = ap.parse_args(argv)
    data = Path(args.benchdata)
    cache = Path(args.cache)
    t0 = time.time()
    ts, X_all, names_all = load_features(data, cache)
    print(f"features ready ({time.time() - t0:.0f}s): {X_all.shape}", flush=True)
    C = args.C or 0.5
    src = ts.source
    y = ts.labels
    sw = T.row_weights(ts, args)
    fold = np.array([fold_of(g, args.folds) for g in ts.group])
    held_fold = np.array([fold_of(f"review:{r['author']}/{r['id']}", args.folds) for r in ts.held_reviews])
    held_rating = pd.Series([r["rating"] for r in ts.held_reviews], index=[f"r{i}" for i in range(len(ts.held_reviews))])
    settings = {k: v for k, v in vars(args).items()
                if k not in ("benchdata", "out", "run", "cache", "refit", "preds", "quick")}
    settings["features"] = code_hash()
    tag = hashlib.sha1(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:10]
    print(f"settings {tag}: {settings}")
    runs = [int(f) for f in args.run.split(",")] if args.run else list(range(args.folds))

    results = []
    preds = []
    for k in runs:
        tf = time.time()
        model_path = cache / f"fold-{tag}-{k}.json.gz"
        train = (fold != k) & (src != "review_held")
        if args.refit or not model_path.exists():
            # features seen in at least min_count training rows
            df = np.asarray((X_all[train] != 0).sum(axis=0)).ravel()
            cols = np.flatnonzero(df >= args.min_count)
            pol = T.fit_polarity(X_all[train][:, cols], y[train], sw[train], names_all[cols], C, args.scale,
                                 T.kind_scales(names_all[cols], args))
            write_model(model_path, pol, {})
        with gzip.open(model_path, "rt", encoding="utf-8") as fh:
            pol = json.load(fh)["polarity"]
        # review-level map from the calibration reviews of the other folds
        opinions, _ = T.review_opinions(ts.held_reviews, model_path)
        in_k = pd.Series(held_fold == k, index=held_rating.index)
        other = opinions[~opinions["review_id"].map(in_k)]
        cal = T.choose_calibration(other, held_rating[~in_k], args.scale, verbose=False)
        fit_path = cache / f"fold-{tag}-{k}-cal.json.gz"
        write_model(fit_path, pol, cal)
        use_model(fit_path)
        from dashboard.engine.scores import inferred_scores

        res = {"fold": k, "calibration": f"{cal['how']}/{cal['weights']}"}
        # scale reviews of this fold
        mine = opinions[opinions["review_id"].map(in_k)]
        s = inferred_scores(mine, cal) / 100.0
        yv = held_rating[in_k]
        s = s.reindex(yv.index).fillna(0.5)
        res["scale pearson"] = float(np.corrcoef(s, yv)[0, 1])
        res["scale MAE"] = float(np.abs(s - yv).mean())
        res["scale n"] = int(in_k.sum())
        # RT sentences and quotes of this fold
        for name, key in (("rt_sentence_polarity", "rt"), ("rt_critic_snippets", "snip")):
            idx = np.flatnonzero((fold == k) & (src == name))
            texts = [ts.texts[i] for i in idx]
            a = accuracy.analyze(texts, "critic")
            sc = accuracy.inferred(a, len(texts))
            yy = y[idx]
            if key == "rt":
                pred = accuracy.side_of_50(sc)
                res["rt acc"] = float((pred == yy).mean())
                res["rt no score"] = float(np.isnan(sc).mean())
                alone = np.array([j.polarity for j in polarity.get_scorer("critic").score_many(texts)])
                res["rt scorer-only acc"] = float(((alone > 0) == yy).mean())
            else:
                res["snip bal_acc"] = float(accuracy.bal_acc(np.nan_to_num(sc, nan=50.0) > 50, yy))
                res["snip no score"] = float(np.isnan(sc).mean())
            res[f"{key} n"] = len(idx)
            res[f"_{key}_right"] = ((np.nan_to_num(sc, nan=50.0) > 50) == yy) & ~np.isnan(sc) & (sc != 50)
            res[f"_{key}_y"] = yy
            if args.preds:
                preds.extend((key, k, t, int(v), float(p)) for t, v, p in zip(texts, yy, sc))
        # SST sentences and IMDb reviews of this fold (when trained on)
        for key, items in (("sst", ts.sst_eval), ("imdb", ts.imdb_eval)):
            mine = [(t, lab) for t, lab, g in items or () if fold_of(g, args.folds) == k]
            if not mine:
                continue
            sc = accuracy.inferred(accuracy.analyze([t for t, _ in mine], "critic"), len(mine))
            yy = np.array([lab for _, lab in mine])
            res[f"{key} acc"] = float((accuracy.side_of_50(sc) == yy).mean())
            res[f"{key} n"] = len(mine)
        r = accuracy.bench_rescore(data, "critic", split="dev")
        res["rescore sign acc"] = float(r["rescore sign acc"])
        res["rescore recall"] = float(r["rescore aspect recall"])
        res["weights"] = len(pol["weights"])
        use_model(None)
        results.append(res)
        shown = {k2: (round(v, 4) if isinstance(v, float) else v) for k2, v in res.items() if not k2.startswith("_")}
        print(f"  fold {k} ({time.time() - tf:.0f}s): {shown}", flush=True)

    # pooled over the folds run
    rt_right = np.concatenate([r["_rt_right"] for r in results])
    sn_right = np.concatenate([r["_snip_right"] for r in results])
    sn_y = np.concatenate([r["_snip_y"] for r in results])
    summary = {
        "rt acc": rt_right.mean(),
        "rt scorer-only acc": np.average([r["rt scorer-only acc"] for r in results], weights=[r["rt n"] for r in results]),
        "rt no score": np.average([r["rt no score"] for r in results], weights=[r["rt n"] for r in results]),
        "snip bal_acc": 0.5 * (sn_right[sn_y == 1].mean() + sn_right[sn_y == 0].mean()),
        "scale pearson": np.mean([r["scale pearson"] for r in results]),
        "scale MAE": np.average([r["scale MAE"] for r in results], weights=[r["scale n"] for r in results]),
        "rescore sign acc": np.mean([r["rescore sign acc"] for r in results]),
        "rescore recall": np.mean([r["rescore recall"] for r in results]),
        "weights": np.mean([r["weights"] for r in results]),
    }
    for key in ("sst", "imdb"):
        done = [r for r in results if f"{key} acc" in r]
        if done:
            summary[f"{key} acc"] = np.average([r[f"{key} acc"] for r in done], weights=[r[f"{key} n"] for r in done])
    print(f"\nCV {tag} folds {runs} ({time.time() - t0:.0f}s): " +
          "  ".join(f"{k}={v:.4f}" if v < 100 else f"{k}={v:.0f}" for k, v in summary.items()))
    log = cache / "cv-log.jsonl"
    with open(log, "a") as fh:
        fh.write(json.dumps({"tag": tag, "settings": settings, "folds": runs,
                             "summary": {k: round(float(v), 4) for k, v in summary.items()},
                             "when": time.strftime("%H:%M:%S")}) + "\n")
    if args.preds:
        pd.DataFrame(preds, columns=["set", "fold", "text", "label", "score"]).to_csv(args.preds, sep="\t", index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
