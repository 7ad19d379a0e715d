"""The headline as the sentence before the first: who supplies whom in it.

Headlines drop articles and auxiliaries ("Morocco buys Israeli air defence system", "Vietnam to acquire
Indian BrahMos missiles", "U.S. clears sale of Abrams tanks to Bahrain", "Egypt takes delivery of frigate
from Italy"), so the parser is not needed: the headline's first state takes its role from the transfer verb
that follows it, a state after "to"/"for" receives, one after "from" supplies, and the one state left
without a role is the other side. A headline with two states whose roles do not come out as one supplier
and one recipient gives no dyad (nothing is guessed)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.transfers.lexicon import lexicon

_WORD = re.compile(r"[A-Za-z0-9][\w.'’&-]*")
_RECIPIENT_PREPS = {"to", "for", "into"}
_SUPPLIER_PREPS = {"from"}
_IRREGULAR = {"sold": "sell", "bought": "buy", "sent": "send", "gave": "give", "given": "give", "got": "get",
              "took": "take"}
# approval words of a headline's subject: the approving government is the seller's ("Germany approves ...")
_APPROVE = {"approve", "clear", "authorize", "authorise", "okay", "greenlight", "notify"}


@dataclass(frozen=True)
class TitleFacts:
    dyad: tuple | None = None       # (s_iso3, s_name, r_iso3, r_name)
    subject: tuple | None = None    # (iso3, name): the headline's first state when a transfer verb follows it


def _lemmas(word: str):
    """The word and its possible verb stems ("buys" -> buy, "approves" -> approve, "cleared" -> clear)."""
    word = _IRREGULAR.get(word, word)
    yield word
    for suffix, add in (("s", ""), ("es", ""), ("ies", "y"), ("d", ""), ("ed", ""), ("ied", "y"), ("ing", ""),
                        ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            yield word[:-len(suffix)] + add


def verb_role(word: str, lex=None) -> str | None:
    """'buys' -> R, 'sells' -> S, 'approves' -> S: the role of a headline's subject before this word."""
    lex = lex or lexicon()
    for lemma in _lemmas(word.lower()):
        if lemma in _APPROVE:
            return "S"
        frames = {e.frame for e in lex.verbs.get(lemma, ())}
        if frames == {"supply"}:
            return "S"
        if frames == {"acquire"}:
            return "R"
    return None


def _states(words: list[str], published) -> list[tuple[int, int, str, str]]:
    """(index, length, iso3, phrase) of each state the headline names (longest match first)."""
    try:
        from pipeline.extract.entities import country_of
    except Exception:  # pragma: no cover - entity module absent
        return []
    out, i = [], 0
    while i < len(words):
        hit = None
        for n in (3, 2, 1):
            if i + n <= len(words):
                phrase = re.sub(r"['’]s$", "", " ".join(words[i:i + n]).rstrip(".,:;"))
                iso = country_of(phrase, published) if phrase else None
                if iso:
                    hit = (i, n, iso, phrase)
                    break
        if hit:
            out.append(hit)
            i += hit[1]
        else:
            i += 1
    return out


def title_facts(title: str | None, published=None) -> TitleFacts:
    """The headline's dyad and subject (see the module docstring)."""
    if not title:
        return TitleFacts()
    lex = lexicon()
    words = _WORD.findall(title)
    states = _states(words, published)
    if not states:
        return TitleFacts()
    roles: dict[str, set] = {}
    names: dict[str, str] = {}
    subject = None
    for k, (i, n, iso, phrase) in enumerate(states):
        names.setdefault(iso, phrase)
        prev = words[i - 1].lower() if i else ""
        role = "R" if prev in _RECIPIENT_PREPS else "S" if prev in _SUPPLIER_PREPS else None
        if role is None and k == 0:
            # the subject's own verb: within three words, before any other state ("Russia, India sign ...")
            stop = states[1][0] if len(states) > 1 else len(words)
            role = next((r for r in (verb_role(w, lex) for w in words[i + n:min(i + n + 3, stop)]) if r), None)
            if role is not None:
                subject = (iso, phrase)
        roles.setdefault(iso, set())
        if role:
            roles[iso].add(role)
    if len(roles) != 2:
        return TitleFacts(subject=subject)
    (a, ra), (b, rb) = roles.items()
    if len(ra) > 1 or len(rb) > 1 or (not ra and not rb):
        return TitleFacts(subject=subject)
    ra = ra or {"S" if rb == {"R"} else "R"}
    rb = rb or {"S" if ra == {"R"} else "R"}
    if ra == rb:
        return TitleFacts(subject=subject)
    s, r = (a, b) if ra == {"S"} else (b, a)
    return TitleFacts(dyad=(s, names[s], r, names[r]), subject=subject)


def _title_trigger(word: str, lex) -> bool:
    return word == "arms" or any(stem in lex.verbs or stem in lex.nouns for stem in _lemmas(word))


def title_parties(title: str | None, published) -> set:
    """The states a headline with a transfer word names ("U.S. CLEARS SALE OF TANKS TO BAHRAIN"), word by
    word, as the parser is not run on headlines."""
    if not title:
        return set()
    try:
        from pipeline.extract.entities import company_name_follows, country_of
        from pipeline.extract.gazetteer import blocking_regions, country_abbreviations
    except Exception:  # pragma: no cover - entity module absent
        return set()
    spans = list(re.finditer(r"[A-Za-z][\w.'’-]*", title))
    shouting = not any(ch.islower() for ch in title)
    words = [m.group() for m in spans]
    lex = lexicon()
    if not any(_title_trigger(w.lower(), lex) for w in words):
        return set()
    found = set()
    i = 0
    while i < len(words):
        hit = None
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            phrase = " ".join(words[i:i + n]).rstrip(".,:;")
            phrase = re.sub(r"['’]s$", "", phrase)
            if n > 1 and phrase.lower() in blocking_regions():
                hit = (None, n)    # "MORE AID FOR CENTRAL AMERICA": a region, not America
                break
            try:
                iso = country_of(phrase, published)
            except Exception:
                iso = None
            if iso and shouting and phrase not in country_abbreviations() and not country_of(phrase.title(), published):
                iso = None    # an all-capital headline: "PLAN" is a word there, not the Chinese navy
            if iso and not company_name_follows(title, spans[i + n - 1].end()):   # "WHITEHALL <WHT> GETS ..."
                hit = (iso, n)
                break
        if hit:
            if hit[0]:
                found.add(hit[0])
            i += hit[1]
        else:
            i += 1
    return found
