"""One spaCy pass per article, batched."""
