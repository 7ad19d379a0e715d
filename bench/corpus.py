"""A deterministic benchmark corpus of N articles made by varying the dev articles.

Variant 0 of a dev article is the article itself; variant k > 0 shuffles the order of its
paragraphs and of the sentences inside each paragraph, and swaps the country names it mentions
for country names that occur in *other* dev articles (same swap in title and text). Every article
gets a unique id and a unique text; lengths, and therefore the NLP workload, stay representative.
No network, no model: only ``random.Random(seed)``.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path

DEV_ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "articles"
DEFAULT_DEV_DIR = DEV_ARTICLES if DEV_ARTICLES.is_dir() else Path("/work/shared/eval/dev/articles")

# Country names we are willing to swap (longest first, so "South Korea" wins over "Korea").
COUNTRY_NAMES = sorted({
    "United States", "Russia", "China", "India", "Pakistan", "Israel", "Iran", "Iraq", "Ukraine",
    "Saudi Arabia", "Turkey", "France", "Germany", "United Kingdom", "Britain", "Japan",
    "South Korea", "North Korea", "Taiwan", "Egypt", "Qatar", "United Arab Emirates", "Poland",
    "Australia", "Brazil", "Indonesia", "Vietnam", "Philippines", "Syria", "Yemen", "Algeria",
    "Morocco", "Greece", "Italy", "Spain", "Sweden", "Norway", "Canada", "Slovakia", "Hungary",
    "Romania", "Nigeria", "Bangladesh", "Myanmar", "Thailand", "Malaysia", "Singapore",
    "Armenia", "Azerbaijan", "Serbia", "Belarus", "Venezuela", "Colombia", "Mexico", "Chile",
    "Argentina", "Kazakhstan", "Jordan", "Lebanon", "Kuwait", "Bahrain", "Oman", "Netherlands",
    "Belgium", "Denmark", "Switzerland", "Nicaragua", "Cuba",
}, key=lambda s: (-len(s), s))

_PARA_SPLIT = re.compile(r"\n\s*\n")
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘(])")


def load_dev_articles(dev_dir: Path = DEFAULT_DEV_DIR) -> list[dict]:
    articles = []
    for path in sorted(Path(dev_dir).glob("*.json")):
        obj = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(obj, dict) and obj.get("text"):
            obj.setdefault("id", path.stem)
            articles.append(obj)
    if not articles:
        raise FileNotFoundError(f"no dev articles (*.json with a text) in {dev_dir}")
    return articles


def _country_pattern(names):
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")


_COUNTRY_RE = _country_pattern(COUNTRY_NAMES)


def _shuffle_text(text: str, rng: random.Random) -> str:
    paragraphs = [p.strip() for p in _PARA_SPLIT.split(text) if p.strip()]
    out = []
    for para in paragraphs:
        sentences = _SENT_SPLIT.split(para)
        rng.shuffle(sentences)
        out.append(" ".join(sentences))
    rng.shuffle(out)
    return "\n\n".join(out)


def _swap_countries(title: str, text: str, pool: list[str], rng: random.Random) -> tuple[str, str]:
    present = sorted(set(_COUNTRY_RE.findall(title + "\n" + text)))
    if not present:
        return title, text
    candidates = [c for c in pool if c not in present] or list(pool)
    targets = rng.sample(candidates, k=min(len(present), len(candidates)))
    mapping = dict(zip(present, targets))
    sub = lambda m: mapping.get(m.group(1), m.group(1))  # noqa: E731
    return _COUNTRY_RE.sub(sub, title), _COUNTRY_RE.sub(sub, text)


def vary(article: dict, variant: int, pool: list[str], seed: int) -> dict:
    """Variant ``variant`` of one dev article (variant 0 = the article unchanged)."""
    base_id = str(article["id"])
    if variant == 0:
        return {k: article.get(k) for k in ("id", "title", "text", "published", "source", "url")}
    rng = random.Random(f"{seed}:{base_id}:{variant}")
    title, text = _swap_countries(article.get("title") or "", article["text"], pool, rng)
    text = _shuffle_text(text, rng)
    return {"id": f"{base_id}--v{variant:05d}", "title": title, "text": text,
            "published": article.get("published"), "source": article.get("source"),
            "url": (article.get("url") or "") + f"#v{variant}" if article.get("url") else None}


def _key(text: str) -> str:
    """Uniqueness key: whitespace-insensitive, so ingest's normalisation cannot make two texts equal."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def build_corpus(n: int, out_dir: Path, *, seed: int = 1234, dev_dir: Path = DEFAULT_DEV_DIR) -> dict:
    """Write ``n`` unique articles as ``<id>.json`` into ``out_dir``; return a summary."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    dev = load_dev_articles(dev_dir)
    pool = sorted({name for a in dev for name in _COUNTRY_RE.findall(a.get("title", "") + "\n" + a["text"])})
    seen: set[str] = set()
    n_chars = n_marked = 0
    for i in range(n):
        base, variant = dev[i % len(dev)], i // len(dev)
        art = vary(base, variant, pool, seed)
        digest = _key(art["text"])
        retry = 0
        while digest in seen and retry < 5:  # short articles: try other shuffles/swaps first
            retry += 1
            art = vary(base, variant + 100_000 * retry, pool, seed) | {"id": art["id"]}
            digest = _key(art["text"])
        if digest in seen:  # last resort: a neutral dateline makes the text unique
            art["text"] = f"(Report {variant}.) " + art["text"]
            digest = _key(art["text"])
            n_marked += 1
        seen.add(digest)
        n_chars += len(art["text"])
        (out_dir / f"{art['id']}.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    return {"n_articles": n, "n_dev": len(dev), "n_chars": n_chars, "n_marked": n_marked,
            "seed": seed, "dir": str(out_dir)}


def read_texts(folder: Path) -> list[str]:
    """The texts of a corpus folder, in file-name order (what the raw baseline parses)."""
    return [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(Path(folder).glob("*.json"))]
