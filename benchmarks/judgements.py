"""Check the analysis against hand-labelled judgements on a film's reviews.

    python benchmarks/judgements.py [FOLDER] [LABELS.jsonl]

Each label names a review, a quote (verbatim from the review), the aspect the critic
judges there and the sign of the judgement. A label is matched to the mentions whose
offsets overlap the quote. Prints aspect recall (the labelled aspect is among the
overlapping opinion mentions' aspects), aspect precision (share of the overlapping
opinion mentions' aspects that some label on the same words names) and polarity sign
accuracy for the labelled aspect.

The bundled labels (ballerina_judgements.jsonl) were written by the developers for a
sanity check; they were not used to tune anything automatically.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dashboard.reading.films import load_film_info  # noqa: E402
from dashboard.reading.ingest import read_paths  # noqa: E402
from dashboard.engine.pipeline import analyze_sources  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(REPO / "data/reviews/ballerina"))
    parser.add_argument("labels", nargs="?", default=str(Path(__file__).with_name("ballerina_judgements.jsonl")))
    parser.add_argument("--scorer", default="critic")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()

    folder = Path(args.folder)
    analysis = analyze_sources(read_paths([folder]).sources, scorer=args.scorer, film=load_film_info(folder))
    labels = [json.loads(line) for line in Path(args.labels).read_text("utf-8").splitlines() if line.strip()]
    m = analysis.mentions
    found = right_sign = precise = proposed = 0
    for label in labels:
        text = analysis.text_of(label["review"])
        start = text.find(label["quote"])
        if start < 0:
            print(f"label quote not in review: {label['quote']!r}")
            continue
        end = start + len(label["quote"])
        hits = m[(m.review_id == label["review"]) & (m.start < end) & (m.end > start) & m.opinion]
        labelled_here = {lab["aspect"] for lab in labels if lab["review"] == label["review"] and lab["quote"] == label["quote"]}
        aspects = set(hits.aspect)
        proposed += len(aspects)
        precise += len(aspects & labelled_here)
        on_aspect = hits[hits.aspect == label["aspect"]]
        if len(on_aspect):
            found += 1
            sign = 1 if on_aspect.polarity.mean() > 0 else -1
            right_sign += sign == label["sign"]
            if sign != label["sign"] and args.verbose:
                print(f"  sign  {label['sign']:+d} got {on_aspect.polarity.mean():+.2f}: {label['quote']}")
        elif args.verbose:
            print(f"  miss  {label['aspect']:10s} got {sorted(aspects)}: {label['quote']}")
    n = len(labels)
    print(f"judgements {n}  aspect recall {found / n:.3f}  aspect precision {precise / max(proposed, 1):.3f}  "
          f"sign accuracy (of found) {right_sign / max(found, 1):.3f}  sign accuracy (of all) {right_sign / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
