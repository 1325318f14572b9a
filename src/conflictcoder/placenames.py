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
_MARKS = re.compile(r"[\'`´‘’ʼʻʿʾ′ʹ\u02bc\u02c8\u0060]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Arabic-style definite articles as separate tokens after folding ("al-", "ash-", "ez-").
ARTICLES = frozenset(
    "al el il ul ad ed ud as es us ash esh ush at et ut ath eth az ez uz ar er ur an en un "
    "adh dh".split()
)

_DOUBLE = re.compile(r"(.)\1+")
_AW = re.compile(r"aw(?![aeiu])")
_SKELETON_DROP = str.maketrans("", "", "aeiouhwy")


def fold(name: str) -> str | None:
    """Accent-free, lower-case, punctuation-free form of ``name``; ``None`` if not Latin."""
    if not name:
        return None
    first = ord(name[0])
    if 0x370 <= first < 0x1E00 or first >= 0x2000:  # Greek, Cyrillic, Arabic, CJK...
        return None
    if not name.isascii():
        text = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        if not text.isascii():
            text = _MARKS.sub("", text)
            if not text.isascii():
                if any(ch.isalpha() and not ch.isascii() for ch in text):
                    return None
                text = "".join(ch if ch.isascii() else " " for ch in text)
    else:
        text = name
    text = _NON_ALNUM.sub(" ", text.lower().replace("'", "").replace("`", "")).strip()
    return text or None


def _content_tokens(folded: str) -> list[str]:
    tokens = folded.split()
    kept = [tok for tok in tokens if tok not in ARTICLES]
    return kept or tokens


def _variant_token(token: str) -> str:
    token = token[0] + token[1:].replace("y", "i") if len(token) > 1 else token
    token = token.replace("ou", "u").replace("ee", "i").replace("oo", "u")
    token = token.replace("e", "a").replace("o", "u").replace("q", "k").replace("ck", "k")
    if "aw" in token:
        token = _AW.sub("u", token)
    if len(token) > 2 and token[-1] == "h" and token[-2] in "aiu":
        token = token[:-1]
    return token


def variant_key(folded: str) -> str:
    """The transliteration-tolerant key of a folded name (see the module docstring)."""
    return _DOUBLE.sub(r"\1", "".join(_variant_token(t) for t in _content_tokens(folded)))


def skeleton(folded: str) -> str:
    """The consonant skeleton of a folded name (see the module docstring)."""
    out = []
    for token in _content_tokens(folded):
        token = token.replace("q", "k").replace("c", "k")
        first = token[0] if token[0] not in "aeiou" else ""
        out.append(first + token[1:].translate(_SKELETON_DROP))
    return _DOUBLE.sub(r"\1", "".join(out))


def keys(name: str) -> tuple[str, str] | None:
    """``(variant_key, skeleton)`` of a raw name, or ``None`` when it cannot be keyed."""
    folded = fold(name)
    if folded is None:
        return None
    tokens = _content_tokens(folded)
    variant = _DOUBLE.sub(r"\1", "".join(_variant_token(t) for t in tokens))
    parts = []
    for token in tokens:
        token = token.replace("q", "k").replace("c", "k")
        first = token[0] if token[0] not in "aeiou" else ""
        parts.append(first + token[1:].translate(_SKELETON_DROP))
    return variant, _DOUBLE.sub(r"\1", "".join(parts))
