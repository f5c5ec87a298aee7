"""Dutch text processing for search, run identically at index time (here) and at query time
(``assets/search.js``): fold accents, split words and hyphenated compounds, drop stop words,
stem with Snowball's Dutch stemmer.

Why the classic ("Porter") Dutch Snowball algorithm: the browser side runs lunr-languages'
``lunr.nl.js`` (the same algorithm, vendored unmodified), and ``tests/test_search_text.py``
checks that both sides stem a word list identically. Snowball 3's new default ``dutch``
stemmer has no maintained JavaScript port and strips inner ``ge-`` (gemeente → meen).

Two plural forms the classic stemmer leaves alone are normalised first, on both sides:
``-ieën`` (allergieën → allergie) and ``-ies`` (tussenevaluaties → tussenevaluatie).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# lunr-languages' Dutch stop words plus question words a volunteer types ("waar", "jouw"…),
# without "niet" and "doen": the portal's own titles need them ("Wel doen en niet doen").
# Stop words are never indexed and never matched as prefixes ("het" must not find "hete").
STOP_WORDS: frozenset[str] = frozenset("""
aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch door dus een eens
en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je
kan kon kunnen maar me meer men met mij mijn moet na naar niets nog nu of om omdat onder ons
ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie
wil worden wordt zal ze zelf zich zij zijn zo zonder zou
waar wanneer welke welk waarom jij jou jouw mag moeten kun kunt krijg hoeveel
""".split())

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_APOSTROPHE_S = re.compile(r"(?<=[a-z])['’]s\b")  # foto's → foto, baby's → baby


def fold(text: str) -> str:
    """Lowercase without accents: 'Taalcafé' → 'taalcafe', 'coördinator' → 'coordinator'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    return snowballstemmer.stemmer("dutch_porter")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem one folded word; numbers and words with digits stay exact ('1' never becomes '12')."""
    if len(word) < 3 or not word.isalpha():
        return word
    if word.endswith("ieen"):
        word = word[:-2]
    elif word.endswith("ies") and len(word) > 5:
        word = word[:-1]
    return str(_stemmer().stemWord(word))


def words(text: str) -> list[str]:
    """Folded words; a hyphenated compound gives its parts and the joined form.

    'taalcoach-organisatie' → ['taalcoach', 'organisatie', 'taalcoachorganisatie'], so both
    'taalcoachorganisatie' and 'organisatie' find it.
    """
    folded = _APOSTROPHE_S.sub("", fold(text))
    found: list[str] = []
    for match in _WORD.finditer(folded):
        parts = match.group().split("-")
        found.extend(parts)
        if len(parts) > 1:
            found.append("".join(parts))
    return found


def terms(text: str) -> list[str]:
    """Index terms of a text: words without stop words and one-letter noise, stemmed."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]
