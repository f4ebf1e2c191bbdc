"""Train the project's English tagger, morphologizer and dependency parser on Universal Dependencies.

    python scripts/train_parser.py --treebanks DIR [--work build/parser] [--steps N] [--install]

DIR holds the CoNLL-U files of UD English-EWT (`en_ewt-ud-{train,dev,test}.conllu`, CC BY-SA 4.0)
and of the CC BY part of UD English-GUM (`en_gum-cc-by-{train,dev,test}.conllu`). The script
converts them to spaCy's binary format in the work folder, trains with `scripts/train_parser.cfg`
on EWT+GUM train (model selection on EWT+GUM dev, gold tokens), scores the best model on the EWT
and GUM test files, and with `--install` copies it to `models/parser/`, where the pipeline loads
it. The treebanks themselves never enter the repository. Training takes one to two hours on
one core of a small machine; `--steps` caps it for a quick trial.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import spacy
from spacy.cli.train import train
from spacy.tokens import DocBin
from spacy.training import Corpus
from spacy.training.converters import conllu_to_docs

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "scripts" / "train_parser.cfg"
MODEL_DIR = ROOT / "models" / "parser"
TREEBANKS = {"ewt": "en_ewt-ud-{split}.conllu", "gum": "en_gum-cc-by-{split}.conllu"}
SENTENCES_PER_DOC = 10  # the parser also learns where sentences end inside a document


def convert(treebank_dir: Path, work: Path) -> dict[str, Path]:
    """CoNLL-U -> .spacy, one file per treebank and split, plus train/dev unions."""
    out: dict[str, Path] = {}
    for split in ("train", "dev", "test"):
        union = DocBin(store_user_data=False)
        for name, pattern in TREEBANKS.items():
            source = treebank_dir / pattern.format(split=split)
            docs = list(conllu_to_docs(source.read_text(encoding="utf8"), n_sents=SENTENCES_PER_DOC, no_print=True))
            DocBin(docs=docs).to_disk(work / f"{name}-{split}.spacy")
            out[f"{name}-{split}"] = work / f"{name}-{split}.spacy"
            for doc in docs:
                union.add(doc)
        union.to_disk(work / f"{split}.spacy")
        out[split] = work / f"{split}.spacy"
    return out


def score(model: Path, data: Path) -> dict[str, float]:
    """UAS, LAS, UPOS and XPOS accuracy on gold tokens, and UAS/LAS on the model's own tokens."""
    nlp = spacy.load(model)
    result: dict[str, float] = {}
    for gold_preproc, suffix in ((True, ""), (False, "_own_tokens")):
        examples = list(Corpus(data, gold_preproc=gold_preproc)(nlp))
        scores = nlp.evaluate(examples)
        result["uas" + suffix] = round(scores["dep_uas"], 4)
        result["las" + suffix] = round(scores["dep_las"], 4)
        if gold_preproc:
            result["upos"] = round(scores["pos_acc"], 4)
            result["xpos"] = round(scores["tag_acc"], 4)
            result["morph"] = round(scores["morph_acc"], 4)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--treebanks", type=Path, required=True, help="folder with the UD English CoNLL-U files")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "parser", help="converted data and checkpoints")
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--steps", type=int, default=0, help="stop after this many steps (0: the config's own limit)")
    parser.add_argument("--install", action="store_true", help="copy the best model to models/parser/")
    parser.add_argument("--score-only", action="store_true", help="score an already trained model in the work folder")
    args = parser.parse_args(argv)

    args.work.mkdir(parents=True, exist_ok=True)
    data = convert(args.treebanks, args.work)
    output = args.work / "output"
    if not args.score_only:
        overrides = {"paths.train": str(data["train"]), "paths.dev": str(data["dev"])}
        if args.steps:
            overrides["training.max_steps"] = args.steps
        train(args.config, output, overrides=overrides)
    best = output / "model-best"
    scores = {name: score(best, data[f"{name}-test"]) for name in TREEBANKS}
    print(json.dumps(scores, indent=2))
    (args.work / "test_scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf8")
    if args.install:
        install(best, scores)
    return 0


def install(best: Path, scores: dict[str, dict[str, float]]) -> None:
    """The trained pipeline, with its test scores and sources in meta.json, as models/parser/."""
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    shutil.copytree(best, MODEL_DIR)
    config_path = MODEL_DIR / "config.cfg"  # the training data's paths are the trainer's, not the model's
    config = spacy.util.load_config(config_path)
    config["paths"]["train"] = config["paths"]["dev"] = None
    config.to_disk(config_path)
    meta_path = MODEL_DIR / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf8"))
    meta.update(
        {
            "name": "geopol_parser",
            "description": (
                "English tagger, morphologizer and dependency parser trained on UD English-EWT "
                "and the CC BY part of UD English-GUM"
            ),
            "license": "CC BY-SA 4.0",
            "sources": [
                {"name": "UD English-EWT", "author": "Silveira et al. 2014", "license": "CC BY-SA 4.0"},
                {"name": "UD English-GUM (CC BY documents)", "author": "Zeldes 2017", "license": "CC BY 4.0"},
            ],
            "test_scores": scores,
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf8")
    size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    print(f"installed {MODEL_DIR.relative_to(ROOT)} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    sys.exit(main())
