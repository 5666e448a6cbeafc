"""The shape of the package: layers that import only downwards, no import cycles, no
private names taken from another module, and each review read once."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from dashboard.engine.pipeline import Pipeline, analyze_sources
from dashboard.records import ReviewSource

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dashboard"
# Bottom to top: a module may import from its own layer and the ones below it.
LAYERS = ("records", "text", "reading", "engine", "sharing", "present", "ui", "cli")


def _modules() -> dict[str, Path]:
    return {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__"): p
            for p in PACKAGE.rglob("*.py")}


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every ``dashboard`` import in the file, lazy ones included (not
    those only type checkers read, under ``if TYPE_CHECKING:``)."""
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dashboard"):
            out.append((node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names if a.name.startswith("dashboard")]
    return out


def _layer(module: str) -> int | None:
    part = module.split(".")[1] if "." in module else ""
    return LAYERS.index(part) if part in LAYERS else None


MODULES = _modules()


def test_no_import_cycles():
    graph = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for target, names in _imports(path):
            targets = [f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES] or [target]
            graph[module].update(t for t in targets if t in MODULES and t != module)
    done, stack = set(), []

    def visit(node: str) -> None:
        if node in stack:
            raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(node):] + [node]))
        if node in done:
            return
        stack.append(node)
        for nxt in sorted(graph[node]):
            visit(nxt)
        stack.pop()
        done.add(node)

    for module in sorted(graph):
        visit(module)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _layer(m) is not None))
def test_layers_import_only_downwards(module):
    own = _layer(module)
    above = [target for target, _ in _imports(MODULES[module])
             if (layer := _layer(target)) is not None and layer > own]
    assert not above, f"{module} ({LAYERS[own]}) imports from a layer above it: {above}"


def test_no_module_takes_another_ones_private_names():
    taken = [(module, target, name) for module, path in MODULES.items()
             for target, names in _imports(path) for name in names
             if name.startswith("_") and not name.startswith("__") and target != module]
    assert not taken


def test_a_review_is_normalised_once_and_tokenised_once(monkeypatch):
    """Every stage reads the review's one document: its text is normalised once and cut
    into words once, however many stages and word lists read it."""
    import dashboard.text.normalize as normalize_module
    import dashboard.text.tokens as tokens_module

    calls = {"normalize": [], "tokenize": 0}
    real_normalize, real_tokenize = normalize_module.normalize, tokens_module.tokenize

    def counting_normalize(text):
        calls["normalize"].append(text)
        return real_normalize(text)

    def counting_tokenize(norm):
        calls["tokenize"] += 1
        return real_tokenize(norm)

    for name, module in list(sys.modules.items()):
        if name.startswith("dashboard"):
            if getattr(module, "normalize", None) is real_normalize:
                monkeypatch.setattr(module, "normalize", counting_normalize)
            if getattr(module, "tokenize", None) is real_tokenize:
                monkeypatch.setattr(module, "tokenize", counting_tokenize)
    texts = ["Directed by: Len Wiseman\nStarring: Ana de Armas\n\nThe film is superb, but the plot drags. "
             "Eve (Ana de Armas) is a ferocious lead.\n\nRating: 4/5",
             "A gorgeous, moving film. The music soars; the pacing drags a little.",
             "Pros:\n- thrilling action\nCons:\n- a thin story\n\nBottom line: worth seeing."]
    sources = [ReviewSource(f"r{i}", t, film="one") for i, t in enumerate(texts)]
    analyze_sources(sources)
    assert calls["tokenize"] == len(texts)
    for text in texts:
        # once whole; any other normalisation is of a short rating string, not of the review
        assert calls["normalize"].count(text) == 1
        assert not [c for c in calls["normalize"] if c != text and len(c) > 40 and c in text]


def test_a_stage_is_replaced_and_timed_by_name():
    seen = []
    pipeline = Pipeline().replace("opinion", lambda doc, run: seen.append(doc.review_id))
    analysis = analyze_sources([ReviewSource("r", "A gorgeous, moving film.")], pipeline=pipeline)
    assert seen == ["r"] and not analysis.mentions["opinion"].any()
    assert pipeline.names == ["rating", "clean", "segment", "cast", "aspects", "polarity", "opinion", "guess",
                              "attribute", "scores"]
    assert list(pipeline.timings) == ["read", *pipeline.names, "rows"]
    with pytest.raises(KeyError):
        Pipeline().replace("no such stage", print)
