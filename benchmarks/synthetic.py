"""Synthetic film reviews for speed and memory runs when the shared benchmark data is absent.

The texts are made from templates (a fixed seed gives the same corpus every time): full
reviews of several paragraphs, with a byline, a cast line, a rating line, praise and
criticism of different aspects, retold plot and the odd list of pros and cons; and short
quotes of one to three sentences, like critics' pull quotes. They exercise the same code
paths as real reviews; they are not a test of accuracy.

    python benchmarks/synthetic.py 100000 --kind full --out synthetic.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dashboard.text.wording import count  # noqa: E402

FIRST = ["Ana", "Keanu", "Ian", "Norman", "Gabriel", "Anjelica", "Lance", "Catalina", "Sharon", "Tom",
         "Viola", "Daniel", "Greta", "Oscar", "Mia", "Idris", "Tilda", "Mahershala", "Florence", "Riz"]
LAST = ["de Armas", "Reeves", "McShane", "Reedus", "Byrne", "Huston", "Reddick", "Sandino", "Duncan",
        "Hardy", "Davis", "Kaluuya", "Gerwig", "Isaac", "Goth", "Elba", "Swinton", "Ali", "Pugh", "Ahmed"]
CHARACTERS = ["Eve", "Winston", "Daniel Pine", "the Director", "Charon", "Nogi", "Lena", "Marcus", "Iris", "Tobias"]
TITLES = ["Midnight Ballet", "The Long Road", "Glass Harbour", "Red Lantern", "Quiet Fury", "Paper Moon Rising",
          "The Last Tenant", "Northern Lights", "Ashes of June", "Steel Garden"]
ASPECTS = {
    "acting": ["performance", "the cast", "her turn", "his performance", "the ensemble"],
    "story": ["the story", "the plot", "the script", "the screenplay", "the third act"],
    "direction": ["the direction", "the film-making", "the staging"],
    "visuals": ["the cinematography", "the production design", "the visuals", "every frame"],
    "music": ["the score", "the soundtrack", "the music"],
    "pacing": ["the pacing", "the runtime", "the editing"],
    "action": ["the action", "the fight scenes", "the set pieces", "the stunts"],
}
GOOD = ["superb", "gripping", "beautifully judged", "wonderful", "moving", "sharp", "confident", "thrilling",
        "elegant", "a real pleasure", "genuinely funny", "inventive"]
BAD = ["clumsy", "tedious", "flat", "muddled", "overlong", "lifeless", "predictable", "a slog", "shallow",
       "forgettable", "badly miscalculated", "dull"]
HEDGES = ["", "mostly ", "never ", "rarely ", "surprisingly ", "not quite ", "at times ", "consistently "]
PLOT = [
    "{c} returns home after years away and finds the family business in ruins.",
    "When a stranger arrives in town, {c} is forced to choose between loyalty and survival.",
    "The story follows {c}, a retired assassin pulled back for one last job.",
    "{c} and her brother travel north to settle an old debt.",
]
RATINGS = ["Rating: {n}/5", "{n} out of 5 stars", "Grade: {g}", "Score: {t}/10", "***"]
OUTLETS = ["The Screen Scribe", "Indori Nerd", "Film Weekly", "The Daily Reel", "Northern Critic"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _opinion(rng: random.Random, cast: list[str]) -> str:
    aspect = rng.choice(list(ASPECTS))
    subject = rng.choice(ASPECTS[aspect]) if aspect != "acting" or rng.random() < 0.5 else rng.choice(cast)
    good = rng.random() < 0.55
    word = rng.choice(GOOD if good else BAD)
    hedge = rng.choice(HEDGES)
    forms = [
        f"{subject.capitalize() if subject[0].islower() else subject} is {hedge}{word}.",
        f"I found {subject} {hedge}{word}, though others may disagree.",
        f"{subject.capitalize() if subject[0].islower() else subject} feels {hedge}{word}, "
        f"but {rng.choice(ASPECTS[rng.choice(list(ASPECTS))])} is {rng.choice(BAD if good else GOOD)}.",
        f"While {subject} is {word}, the film never quite finds its footing.",
        f"There is something {word} about {subject}.",
    ]
    return rng.choice(forms)


def full_review(rng: random.Random, number: int) -> dict:
    title = rng.choice(TITLES)
    cast = [_person(rng) for _ in range(3)]
    characters = rng.sample(CHARACTERS, 2)
    paragraphs = [f"By {_person(rng)}", f"Starring: {', '.join(cast)}"]
    paragraphs.append(" ".join([
        f"{title} is the kind of film that {rng.choice(['wants to', 'tries to', 'hopes to'])} please everyone.",
        rng.choice(PLOT).format(c=characters[0]),
        f"{cast[0]} plays {characters[0]} and {cast[1]} is {characters[1]}.",
    ]))
    for _ in range(rng.randint(3, 7)):
        paragraphs.append(" ".join(_opinion(rng, cast) for _ in range(rng.randint(2, 6))))
    if rng.random() < 0.2:
        paragraphs += ["Pros:", f"- {rng.choice(GOOD).capitalize()} {rng.choice(ASPECTS['visuals'])}",
                       "Cons:", f"- {rng.choice(BAD).capitalize()} {rng.choice(ASPECTS['story'])}"]
    paragraphs.append(f"In the end, {title} is {rng.choice(GOOD + BAD)}.")
    paragraphs.append(rng.choice(RATINGS).format(n=rng.randint(1, 5), g=rng.choice("ABCDF") + rng.choice(["+", "-", ""]),
                                                   t=rng.randint(1, 10)))
    return {"review_id": f"synthetic-{number:06d}", "film": title, "outlet": rng.choice(OUTLETS),
            "review": "\n\n".join(paragraphs)}


def quote(rng: random.Random, number: int) -> dict:
    cast = [_person(rng) for _ in range(2)]
    text = " ".join(_opinion(rng, cast) for _ in range(rng.randint(1, 3)))
    return {"review_id": f"quote-{number:06d}", "film": rng.choice(TITLES), "outlet": rng.choice(OUTLETS), "review": text}


def generate(n: int, kind: str = "full", seed: int = 0) -> list[dict]:
    """``n`` synthetic reviews (``kind`` "full" or "quote"), the same for the same seed."""
    rng = random.Random(f"{seed}-{kind}")
    make = full_review if kind == "full" else quote
    return [make(rng, i) for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=100_000)
    parser.add_argument("--kind", choices=("full", "quote"), default="full")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", required=True, help="a .jsonl or .jsonl.gz file")
    args = parser.parse_args(argv)
    out = Path(args.out)
    opener = gzip.open if out.suffix == ".gz" else open
    with opener(out, "wt", encoding="utf-8") as fh:
        for row in generate(args.n, args.kind, args.seed):
            fh.write(json.dumps(row) + "\n")
    print(f"wrote {count(args.n, args.kind + ' review')} -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
