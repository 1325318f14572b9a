"""Place-name normalisation: the keys under which the gazetteer files and looks up names.

Three levels, from strict to loose:

- ``fold``: accents stripped, lower case, apostrophes and ayn/hamza marks dropped, other
  punctuation turned into spaces ("Al-Ḩasakah" → "al hasakah"). ``None`` for names in a
  non-Latin script, which English news never uses.
- ``variant_key``: ``fold`` without Arabic-style articles (al-/el-/ad-/ash-/az-...), spaces,
  doubled letters and with the vowel spellings English news varies on merged (e/a, o/u, ou/u,
  ee/i, y/i, a final h): "Hassakeh", "al-Hasakah" and "Hasaka" share "hasaka".
- ``skeleton``: consonants only (h/w/y dropped except first), doubled letters merged, q/k and c/k merged
  ("Deir ez-Zor" and "Dayr az Zawr" both give "drzr"). Loose: callers use it only when the
  context says a place is named.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "đ": "d",
        "Đ": "d",
        "ħ": "h",
        "Ħ": "h",
        "þ": "th",
        "ð": "d",
        "ŀ": "l",
    }
)
# Apostrophe-like marks (ayn, hamza, primes, quotes) vanish: "Ma'arrat" → "maarrat".
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Arabic-style definite articles as separate tokens after folding ("al-", "ash-", "ez-").
ARTICLES = frozenset(
    "al el il ul ad ed ud as es us ash esh ush at et ut ath eth az ez uz ar er ur an en un "
    "adh dh".split()
)

_DOUBLE = re.compile(r"(.)\1+")
_AW = re.compile(r"aw(?![aeiu])")
_INNER_Y = re.compile(r"\By")
_FINAL_H = re.compile(r"(?<=\w[aiu])h\b")
_INNER_SOFT = re.compile(r"\B[aeiouhwy]+")
_INITIAL_VOWEL = re.compile(r"\b[aeiou]")
_ARTICLE_TOKENS = re.compile(
    r"\b(?:" + "|".join(sorted(ARTICLES, key=len, reverse=True)) + r")\b ?"
)


def fold(name: str) -> str | None:
    """Accent-free, lower-case, punctuation-free form of ``name``; ``None`` if not Latin."""
    if not name:
        return None
    first = ord(name[0])
    if 0x370 <= first < 0x1E00 or first >= 0x2000:  # Greek, Cyrillic, Arabic, CJK...
        return None
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
        name = decomposed.encode("ascii", "ignore").decode("ascii")
    text = _NON_ALNUM.sub(" ", name.lower().replace("'", "").replace("`", "")).strip()
    return text or None


def _content(folded: str) -> str:
    """The folded name without its article tokens (unless it is nothing but articles)."""
    if " " not in folded:
        return folded
    stripped = _ARTICLE_TOKENS.sub("", folded).strip()
    return stripped or folded


def strip_articles(folded: str) -> str:
    """A folded name without its Arabic-style article tokens ("al hasakah" -> "hasakah")."""
    return _content(folded)


def _variant(content: str) -> str:
    text = _INNER_Y.sub("i", content)
    text = text.replace("ou", "u").replace("ee", "i").replace("oo", "u")
    text = text.replace("e", "a").replace("o", "u").replace("q", "k").replace("ck", "k")
    if "aw" in text:
        text = _AW.sub("u", text)
    if "h" in text:
        text = _FINAL_H.sub("", text)
    return _DOUBLE.sub(r"\1", text.replace(" ", ""))


def _skeleton(content: str) -> str:
    text = _INITIAL_VOWEL.sub("", _INNER_SOFT.sub("", content))
    text = text.replace("q", "k").replace("c", "k").replace(" ", "")
    return _DOUBLE.sub(r"\1", text)


# Spellings English news and GeoNames differ on beyond ``variant_key``: one kind swapped at a time.
_RESPELLINGS = (
    (re.compile(r"th"), "dh"),
    (re.compile(r"dh"), "th"),
    (re.compile(r"(?<![stcz])h?th|dh"), "d"),
    (re.compile(r"dh|th"), "z"),
    (re.compile(r"(?<=[a-z])(?:ei|ey|ai)"), "ay"),
    (re.compile(r"(?<=[a-z])ay"), "ei"),
    (re.compile(r"g"), "q"),
    (re.compile(r"k(?!h)"), "q"),
    (re.compile(r"q"), "g"),
    (re.compile(r"(?<=[a-z])e(?=[a-z])"), "i"),
    (re.compile(r"(?<=[a-z])i(?=[a-z])"), "e"),
    (re.compile(r"\bkh[ae]rbet\b"), "khirbat"),
    (re.compile(r"\bt[ae]ll?\b"), "tall"),
    (re.compile(r"\b[ae]in\b"), "ayn"),
)


def respellings(folded: str) -> list[str]:
    """Other transliterations of a folded name ("thiban" -> "dhiban", "diban"...), for a name
    that context says is a place but that matched no key as written."""
    out = []
    for pattern, repl in _RESPELLINGS:
        other = pattern.sub(repl, folded)
        if other != folded and other not in out:
            out.append(other)
    return out


def variant_key(folded: str) -> str:
    """The transliteration-tolerant key of a folded name (see the module docstring)."""
    return _variant(_content(folded))


def skeleton(folded: str) -> str:
    """The consonant skeleton of a folded name (see the module docstring)."""
    return _skeleton(_content(folded))


def key_pair(folded: str) -> tuple[str, str]:
    """``(variant_key, skeleton)`` of a folded name, sharing the article stripping."""
    content = _content(folded)
    return _variant(content), _skeleton(content)


def keys(name: str) -> tuple[str, str] | None:
    """``(variant_key, skeleton)`` of a raw name, or ``None`` when it cannot be keyed."""
    folded = fold(name)
    if folded is None:
        return None
    content = _content(folded)
    return _variant(content), _skeleton(content)


@lru_cache(maxsize=1 << 16)  # a long report compares the same names again and again
def same_spelling(surface: str, name: str) -> bool:
    """``surface`` spells ``name`` up to accents, case, Arabic articles and the marks between
    letters ("Dar'a" is Dar‘ā, which folds to "dar a")."""
    a, b = fold(surface), fold(name)
    if a is None or b is None:
        return False
    return _content(a).replace(" ", "") == _content(b).replace(" ", "")
