"""Train the opinion-or-plot model the ``opinion`` stage reads (``resources/opinion_model.json.gz``).

    pip install -e ".[bench]"
    python benchmarks/train_opinion.py ../shared/benchdata

Data, dev splits only (``test`` is scored once at the end with the engine's own loader):

* ``subjectivity/dev`` (Pang & Lee 2004: 1 = a critic's opinion snippet, 0 = a sentence of a
  plot summary): short, clean examples of each side;
* the sentences of the whole reviews of ``pang_lee_scale/dev`` (Pang & Lee 2005), 1 when the
  sentence is in the review's subjective extract that comes with the data, else 0: critics'
  own long sentences, where a judgement sits inside description ("she makes his exhaustion
  visible in the way she moves"), with weaker labels (the extract was made by a model), so
  each counts ``REVIEW_WEIGHT`` of a snippet;
* the ``rt_sentence_polarity/dev`` snippets that are not subjectivity snippets: critics'
  quotes, all opinion, each ``QUOTE_WEIGHT`` of a snippet;
* the labelled critics' pages of ``benchmarks/pages`` and ``benchmarks/training_pages``: each
  judgement's quote is opinion, each sentence of retold plot or background is not, each
  ``PAGE_WEIGHT`` of a snippet. Their sentences are what the stage actually reads: a critic's
  judgement inside a long sentence about a performer, and the background critics give without
  judging ("The harbour scenes were filmed over a wet month in Fife", "Her first feature was a
  documentary about lifeboats"), which neither the plot summaries nor the snippets hold.

Any sentence equal to a test sentence of the subjectivity, sentence-polarity, critic-quote,
treebank or scale sets is left out (the same critics' snippets recur across them).

Then how a mention's judgement adds to its sentence's words (``OpinionModel.judged_log_odds``):
a logistic regression over the subjectivity snippets' out-of-fold log-odds, the strongest word
cue and the polarity size the engine's scorer gives each snippet, balanced between the two labels.
The words say "story told"; a loud judgement says "verdict" whatever the wording.

Model: NB-SVM (Wang & Manning 2012) over word, word-pair and sentence-edge features ("<s>
the", "film </s>"): a linear SVM on features scaled by their Naive Bayes log-count ratios,
its weights pulled towards their mean, then Platt-calibrated on the subjectivity snippets'
out-of-fold decision values; all of it folded into one weight per feature, so a sentence's
log-odds are a sum. NB-SVM was chosen among plain logistic regression, Naive Bayes, NB-LR
and NB-SVM, with and without pairs and edges; its settings (C, interpolation) and the
weights of the review sentences and snippets by 5-fold cross-validation on dev, which the
run prints. Trigrams did not help.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html
import json
import re
import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dashboard.engine.opinion import strongest_word_cue  # noqa: E402
from dashboard.engine.opinion_model import JUDGED_INPUTS, MODEL_PATH, OpinionModel, features  # noqa: E402
from dashboard.engine.polarity import get_scorer  # noqa: E402
from dashboard.text.normalize import normalize  # noqa: E402
from dashboard.text.segment import sentences  # noqa: E402
from dashboard.text.tokens import tokenize  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sst  # noqa: E402
from own_pages import PAGE_FOLDERS  # noqa: E402
from train_scorer import read_jsonl  # noqa: E402

C, ALPHA, BETA = 0.3, 0.1, 0.5
REVIEW_WEIGHT = 0.3
QUOTE_WEIGHT = 0.3
PAGE_WEIGHT = 1.0
# Smaller weights are dropped from the shipped file: they change no decision.
MIN_WEIGHT = 0.05
# The corpus writes HTML character references as tokens ("m&#225 ; rton"): undone, so that
# they are no cue of plot.
_HTML_REF = re.compile(r"( ?)&(#\d+|[A-Za-z]+) ; ?")


def _unescape(text: str) -> str:
    def one(m):
        ch = html.unescape("&" + m.group(2) + ";")
        if ch.startswith("&"):
            return " "
        ch = "'" if ch in "\u00b4`\u2018\u2019" else ch
        return m.group(1) + ch.lower() if ch.isalpha() or ch == "'" else " " + ch + " "
    return _HTML_REF.sub(one, text)


def load(benchdata: Path, split: str) -> tuple[list[list[str]], np.ndarray]:
    """The subjectivity set's sentences (as the engine's lower-cased words) and labels."""
    with open(benchdata / "subjectivity" / f"{split}.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    words = [_words(_unescape(r["text"])) for r in rows]
    return words, np.array([int(r["label"]) for r in rows])


def _words(text: str) -> list[str]:
    return tokenize(normalize(text)).words


def _key(words: list[str]) -> str:
    return " ".join(w for w in words if any(ch.isalnum() for ch in w))


def review_sentences(benchdata: Path, leave_out: set[str]) -> tuple[list[list[str]], np.ndarray]:
    """The scale dev reviews' sentences of four words or more, 1 when in the review's
    subjective extract; none equal to a sentence in ``leave_out`` (or to one of the scale
    test reviews)."""
    def reviews(split):
        return read_jsonl(benchdata / "pang_lee_scale" / f"{split}.jsonl.gz")

    test_sentences = {_key(_words(s.text(r["review"]))) for r in reviews("test") for s in sentences(r["review"])}
    leave_out = leave_out | test_sentences
    words, labels = [], []
    for r in reviews("dev"):
        extract = f" {_key(_words(r['subj']))} "
        for s in sentences(r["review"]):
            w = _words(s.text(r["review"]))
            key = _key(w)
            if len(key.split()) >= 4 and key not in leave_out:
                words.append(w)
                labels.append(int(f" {key} " in extract))
    return words, np.array(labels)


def test_sentence_keys(benchdata: Path, subjectivity_test: list[list[str]]) -> set[str]:
    """Every test sentence a benchmark scores: the subjectivity, sentence-polarity, critic
    quote and treebank test splits (the same critics' snippets recur across these sets)."""
    keys = {_key(w) for w in subjectivity_test}
    with open(benchdata / "rt_sentence_polarity" / "test.tsv", encoding="utf-8", newline="") as fh:
        keys |= {_key(_words(r["text"])) for r in csv.DictReader(fh, delimiter="\t")}
    with gzip.open(benchdata / "rt_critic_snippets" / "test.tsv.gz", "rt", encoding="utf-8", newline="") as fh:
        keys |= {_key(_words(r["review"])) for r in csv.DictReader(fh, delimiter="\t")}
    keys |= {_key(_words(t["text"])) for t in sst.trees(benchdata, "test")}
    return keys


def rt_snippets(benchdata: Path, leave_out: set[str]) -> list[list[str]]:
    """The sentence-polarity dev snippets: critics' quotes, all opinion."""
    with open(benchdata / "rt_sentence_polarity" / "dev.tsv", encoding="utf-8", newline="") as fh:
        words = [_words(r["text"]) for r in csv.DictReader(fh, delimiter="\t")]
    return [w for w in words if _key(w) not in leave_out]


def page_sentences(folders, leave_out: set[str]) -> tuple[list[list[str]], np.ndarray]:
    """The labelled pages' judgements (1) and sentences of retold plot or background (0)."""
    words, labels = [], []
    for folder in folders:
        for line in (Path(folder) / "labels.jsonl").read_text("utf-8").splitlines():
            page = json.loads(line)
            for quote, label in [(j["quote"], 1) for j in page["judgements"]] + [(q, 0) for q in page["plot"]]:
                w = _words(quote)
                if _key(w) and _key(w) not in leave_out:
                    words.append(w)
                    labels.append(label)
    return words, np.array(labels, dtype=int)


def vectorise(sentences, vocab=None):
    build = vocab is None
    vocab = {} if build else vocab
    rows, cols = [], []
    for i, words in enumerate(sentences):
        for f in features(words):
            j = vocab.get(f)
            if j is None and build:
                j = vocab[f] = len(vocab)
            if j is not None:
                rows.append(i)
                cols.append(j)
    X = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sentences), len(vocab)))
    return X, vocab


def fit(X, y, weight) -> tuple[np.ndarray, float]:
    """NB-SVM weights on the binary features, and its bias."""
    p = ALPHA + np.asarray(X[y == 1].T @ weight[y == 1]).ravel()
    q = ALPHA + np.asarray(X[y == 0].T @ weight[y == 0]).ravel()
    r = np.log((p / p.sum()) / (q / q.sum()))
    svm = LinearSVC(C=C, loss="squared_hinge", max_iter=10000).fit(X @ sp.diags(r), y, sample_weight=weight)
    w = svm.coef_.ravel()
    return ((1 - BETA) * np.abs(w).mean() + BETA * w) * r, float(svm.intercept_[0])


def fit_judged(snippets: list[list[str]], y: np.ndarray, log_odds: np.ndarray) -> dict[str, float]:
    """The weights of ``judged_log_odds``: the snippets' out-of-fold ``log_odds`` with the
    strongest word cue and the polarity size the critic scorer reads in each."""
    texts = [" ".join(words) for words in snippets]
    judgements = get_scorer("critic").score_many(texts)
    X = np.array([[odds, strongest_word_cue(text, j), abs(j.polarity)]
                  for odds, text, j in zip(log_odds, texts, judgements)])
    stack = LogisticRegression(C=1e6, max_iter=1000, class_weight="balanced").fit(X, y)
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    held = np.zeros(len(y))
    for train, test in folds.split(X, y):
        part = LogisticRegression(C=1e6, max_iter=1000, class_weight="balanced").fit(X[train], y[train])
        held[test] = part.decision_function(X[test])
    print(f"dev, 5-fold: snippets called right by their words alone {((log_odds > 0) == y).mean():.4f}, "
          f"with the judgement {((held > 0) == y).mean():.4f}")
    return dict(zip(JUDGED_INPUTS, (*map(float, stack.coef_[0]), float(stack.intercept_[0]))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchdata", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--review-weight", type=float, default=REVIEW_WEIGHT)
    parser.add_argument("--quote-weight", type=float, default=QUOTE_WEIGHT)
    parser.add_argument("--pages", action="append", type=Path, metavar="DIR",
                        help="a folder of labelled critics' pages (repeatable; default: benchmarks/pages and "
                             "benchmarks/training_pages)")
    parser.add_argument("--page-weight", type=float, default=PAGE_WEIGHT,
                        help="weight of one labelled page sentence (0: learn from none)")
    args = parser.parse_args(argv)
    test, y_test = load(args.benchdata, "test")
    leave_out = test_sentence_keys(args.benchdata, test)
    snippets, y_snippets = load(args.benchdata, "dev")
    kept = [i for i, w in enumerate(snippets) if _key(w) not in leave_out]
    snippets, y_snippets = [snippets[i] for i in kept], y_snippets[kept]
    in_reviews, y_reviews = review_sentences(args.benchdata, leave_out)
    # A quote that is also a subjectivity snippet is left out as well: it would leak a
    # held-out sentence into the cross-validation.
    quotes = rt_snippets(args.benchdata, leave_out | {_key(w) for w in snippets}) if args.quote_weight else []
    folders = args.pages or PAGE_FOLDERS
    on_pages, y_pages = page_sentences(folders, leave_out) if args.page_weight else ([], np.zeros(0, int))
    sentences = snippets + in_reviews + quotes + on_pages
    y = np.concatenate([y_snippets, y_reviews, np.ones(len(quotes), int), y_pages])
    weight = np.concatenate([np.ones(len(snippets)), np.full(len(in_reviews), args.review_weight),
                             np.full(len(quotes), args.quote_weight), np.full(len(on_pages), args.page_weight)])
    is_snippet = np.arange(len(y)) < len(snippets)
    print(f"{len(snippets):,} subjectivity sentences, {len(in_reviews):,} review sentences "
          f"({y_reviews.mean():.2f} in an extract), {len(quotes):,} RT snippets, {len(on_pages):,} page sentences "
          f"({y_pages.mean() if len(y_pages) else 0:.2f} judgements)")
    X, vocab = vectorise(sentences)
    # Out-of-fold decision values: the cross-validated accuracy, and the calibration.
    oof = np.zeros(len(y))
    for train, held in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y * 2 + is_snippet):
        w, b = fit(X[train], y[train], weight[train])
        oof[held] = X[held] @ w + b
    right = (oof > 0) == y
    print(f"dev, 5-fold cross-validation: subjectivity sentences {right[is_snippet].mean():.4f}, "
          f"review sentences {right[~is_snippet].mean():.4f}")
    # Balanced: leaving out the test snippets took more opinion than plot sentences away,
    # and the calibration must not learn that as a prior.
    platt = LogisticRegression(C=1e6, max_iter=1000, class_weight="balanced").fit(
        oof[is_snippet].reshape(-1, 1), y[is_snippet])
    a, c = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    judged = fit_judged(snippets, y_snippets, a * oof[is_snippet] + c)
    w, b = fit(X, y, weight)
    names = sorted(vocab, key=vocab.get)
    weights = {f: round(float(a * w[j]), 3) for j, f in enumerate(names) if abs(a * w[j]) >= MIN_WEIGHT}
    model = {"format": "opinion-linear-v1", "bias": round(a * b + c, 6), "weights": weights,
             "judged": {k: round(v, 4) for k, v in judged.items()},
             "meta": {"trained_on": f"subjectivity dev ({len(snippets)} sentences), pang_lee_scale dev "
                                    f"({len(in_reviews)} review sentences, weight {args.review_weight}), "
                                    f"rt_sentence_polarity dev ({len(quotes)} snippets, weight {args.quote_weight}), "
                                    f"labelled pages ({len(on_pages)} sentences of "
                                    f"{', '.join(Path(f).name for f in folders)}, weight {args.page_weight})",
                      "C": C, "alpha": ALPHA, "beta": BETA}}
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(model, fh, separators=(",", ":"))
    loaded = OpinionModel.load(args.out)
    accuracy = np.mean([(loaded.log_odds(s) > 0) == label for s, label in zip(test, y_test)])
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(weights):,} features); "
          f"subjectivity test accuracy {accuracy:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
