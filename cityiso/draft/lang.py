"""Polish language helpers: morfeusz2 (SGJP dictionary) for lemmas and inflected forms, Babel for month names."""

import re
from functools import cache

import morfeusz2
from babel.dates import get_month_names

WORD = re.compile(r"\w+(?:-\w+)*")


@cache
def _morfeusz() -> morfeusz2.Morfeusz:
    return morfeusz2.Morfeusz(expand_tags=False)


@cache
def analyses(word: str) -> tuple[tuple[str, str], ...]:
    """(lemma, tag) pairs of a word form; the lemma drops SGJP's homonym suffix (':s1')."""
    out = []
    for _start, _end, (_form, lemma, tag, _names, _quals) in _morfeusz().analyse(word):
        out.append((lemma.split(":")[0], tag))
    return tuple(out)


@cache
def lemmas(word: str) -> frozenset[str]:
    """Every lemma a form may have, lower-cased (the form itself when the dictionary does not know it)."""
    found = {lemma.lower() for lemma, tag in analyses(word) if tag != "ign"}
    return frozenset(found or {word.lower()})


def lemma(word: str, pos: tuple[str, ...] = ("subst",)) -> str:
    """The lemma of a form, preferring the given parts of speech and proper names (capitalised lemmas)."""
    cands = [(lem, tag) for lem, tag in analyses(word) if tag != "ign"]
    for lem, tag in cands:
        if tag.split(":")[0] in pos and (lem[:1].isupper() == word[:1].isupper()):
            return lem
    for lem, tag in cands:
        if tag.split(":")[0] in pos:
            return lem
    return cands[0][0] if cands else word


def phrase_lemmas(text: str) -> list[frozenset[str]]:
    """The lemma sets of each word of a phrase."""
    return [lemmas(w) for w in WORD.findall(text)]


@cache
def forms(lemma_: str, tag_prefix: str = "") -> frozenset[str]:
    """Every inflected form of a lemma (optionally only those whose tag starts with tag_prefix), lower-cased."""
    return frozenset(
        form.lower() for form, _lem, tag, _n, _q in _morfeusz().generate(lemma_) if tag.startswith(tag_prefix)
    )


@cache
def nominative(word: str) -> str:
    """The nominative singular of a noun form (its lemma), keeping the form's capitalisation."""
    lem = lemma(word)
    return lem[:1].upper() + lem[1:] if word[:1].isupper() else lem


def is_verb(word: str) -> bool:
    """True when the form can be a finite verb, a past form, an impersonal or a verbal noun in -no/-to."""
    return any(
        tag.split(":")[0] in {"fin", "praet", "imps", "bedzie", "pred", "inf", "ppas"} for _, tag in analyses(word)
    )


@cache
def month_forms() -> dict[str, int]:
    """Every case form of every Polish month name -> its number (Babel's names, morfeusz2's declension)."""
    out: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in get_month_names("wide", context=context, locale="pl").items():
            out[name.lower()] = number
    for name, number in list(out.items()):
        for form in forms(name):
            out.setdefault(form, number)
    return out


@cache
def adjective_form(lemma_: str, gender: str, case: str = "nom") -> str | None:
    """The singular form of an adjective for a gender (m1/m2/m3/f/n) and case: ('miejski', 'f') -> 'miejska'."""
    for form, _lem, tag, _n, _q in _morfeusz().generate(lemma_):
        parts = tag.split(":")
        if len(parts) < 5 or parts[0] != "adj" or parts[1] != "sg" or parts[4] != "pos":
            continue
        if case in parts[2].split(".") and gender in parts[3].split("."):
            return form
    return None


def phrase_nominative(words: list[str]) -> str:
    """A name's leading noun and the adjectives agreeing with it in the nominative singular, the rest as written:
    'Straż Miejską' -> 'Straż Miejska', 'Kórnicki Ośrodek Pomocy Społecznej' stays, 'Referatu Podatków' ->
    'Referat Podatków'."""
    out = list(words)
    nouns = [
        (i, lem, tag)
        for i, w in enumerate(words[:3])
        for lem, tag in analyses(w)
        if tag.startswith("subst:sg") and lem[:1].lower() == lem[:1]
    ]
    if not nouns:
        return " ".join(words)
    i, lem, tag = nouns[0]
    case = {c for _j, _l, t in nouns if _j == i for c in t.split(":")[2].split(".")}
    gender = tag.split(":")[3].split(".")[0]
    out[i] = lem[:1].upper() + lem[1:] if words[i][:1].isupper() else lem
    for j, w in enumerate(words):
        if j == i or j > i + 1:
            continue
        adj = [a for a, t in analyses(w) if t.startswith("adj:sg") and set(t.split(":")[2].split(".")) & case]
        if adj:
            form = adjective_form(adj[0], gender)
            if form:
                out[j] = form[:1].upper() + form[1:] if w[:1].isupper() else form
    return " ".join(out)


@cache
def is_place(name: str) -> bool:
    """True when the SGJP dictionary knows the word as a place name in the nominative ('Tarnów', 'Kępno')."""
    for _s, _e, (_form, lem, tag, names_, _q) in _morfeusz().analyse(name):
        parts = tag.split(":")
        nominative = len(parts) > 2 and parts[0] == "subst" and "nom" in parts[2].split(".")
        if nominative and "nazwa_geograficzna" in names_ and lem.split(":")[0] == name:
            return True
    return False
