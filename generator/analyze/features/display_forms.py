"""Display forms: how a word key is written in labels and shared terms ("unet" -> "U-Net")."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from generator.analyze.features.tokens import STOP_WORDS, Tokenizer

# A word written in lower case at least this often in running text is an ordinary
# word ("transformer"); otherwise its usual capitalisation is kept ("U-Net", "MRI").
_LOWERCASE_SHARE = 0.25
# A label ends in the plural when the corpus writes it so often enough
# ("Diffusion models", "Vision transformers"; but "U-Net", "Optimal transport").
_PLURAL_SHARE = 0.3
_EDGE = "-'’+"


class Surfaces:
    """Pick the written form of word keys from the forms counted in abstracts and titles."""

    def __init__(self, abstract_forms: Counter[str], title_forms: Counter[str], tok: Tokenizer):
        self._forms: dict[str, Counter[str]] = defaultdict(Counter)
        for counts in (abstract_forms, title_forms):
            found: dict[str, Counter[str]] = defaultdict(Counter)
            for raw, count in counts.items():
                key = tok.key_of(raw)
                if key is not None and key not in self._forms:
                    found[key][_clean(raw)] += count
            self._forms.update(found)
        self._cache: dict[tuple[str, bool], str] = {}

    def word(self, key: str, final: bool = True) -> str:
        """Written form of one key; non-final words of a phrase use the singular form."""
        cached = self._cache.get((key, final))
        if cached is None:
            cached = self._cache[(key, final)] = _pick(key, self._forms.get(key), final)
        return cached

    def phrase(self, phrase: str) -> str:
        """Written form of a space-joined key phrase ("medical image segmentation")."""
        words = phrase.split(" ")
        return " ".join(self.word(w, i == len(words) - 1) for i, w in enumerate(words))

    def phrase_singular(self, phrase: str) -> str:
        """Written form of a key phrase with every word in the singular."""
        return " ".join(self.word(w, False) for w in phrase.split(" "))

    def label(self, phrase: str, texts: Iterable[str] = ()) -> str:
        """A phrase as a label: capital first letter, plural when usual ("Diffusion models").

        `texts` (the topic's own papers) decide singular or plural for this very phrase;
        without them, or when they never write it, the corpus habit of its last word does.
        """
        *head, last = phrase.split(" ")
        singular = " ".join([*(self.word(w, False) for w in head), self.word(last, False)])
        plural = _pluralise(singular)
        share = _plural_share(singular, plural, texts)
        if share is None:
            text = " ".join([*(self.word(w, False) for w in head), self._plural(last)])
        else:
            text = plural if share >= _PLURAL_SHARE else singular
        first = text.split(" ", 1)[0]
        return text[:1].upper() + text[1:] if first.islower() else text

    def _plural(self, key: str) -> str:
        """Written form of a label's last word: the plural when the corpus often uses it."""
        forms = self._forms.get(key)
        word = self.word(key, False)
        if not forms:
            return word
        plural = _pluralise(word)
        count = sum(c for f, c in forms.items() if f.lower() == plural.lower())
        return plural if count >= _PLURAL_SHARE * sum(forms.values()) else word

    def is_coined(self, key: str) -> bool:
        """True for names and acronyms ("U-Net", "ViT", "MRI"), not for ordinary words."""
        form = self.word(key)
        return any(ch.isupper() or ch.isdigit() for ch in form[1:]) or "+" in form

    def forms(self) -> Mapping[str, Counter[str]]:
        """Every key with the counted written forms (read-only use)."""
        return self._forms


def _pluralise(text: str) -> str:
    """English plural of a phrase's last word ("dense prediction" -> "dense predictions")."""
    if text.endswith(("s", "x", "ch", "sh")):
        return text + "es" if not text.endswith("s") else text
    if text.endswith("y") and text[-2:-1] not in "aeiou":
        return text[:-1] + "ies"
    return text + "s"


def _plural_share(singular: str, plural: str, texts: Iterable[str]) -> float | None:
    """Share of plural uses of a phrase in `texts`, or None when it is never written.

    A singular use followed by another content word modifies it ("brain tumor
    segmentation", "lottery ticket hypothesis") and says nothing about the label's number.
    """
    if singular == plural:
        return None
    ones = re.compile(rf"(?<![\w-]){re.escape(singular)}(?![\w-])(?:[ \t]+([\w-]+))?", re.I)
    many = re.compile(rf"(?<![\w-]){re.escape(plural)}(?![\w-])", re.IGNORECASE)
    single = multiple = 0
    for text in texts:
        single += sum(1 for m in ones.finditer(text) if _ends_phrase(m.group(1)))
        multiple += len(many.findall(text))
    total = single + multiple
    return multiple / total if total else None


def _ends_phrase(following: str | None) -> bool:
    """Whether the word after a phrase (None: punctuation or end) leaves the phrase whole."""
    return following is None or following.lower() in STOP_WORDS


def _clean(raw: str) -> str:
    """A raw word without edge punctuation or possessive `'s`."""
    word = raw if raw.endswith("++") else raw.rstrip(_EDGE)
    word = word.lstrip(_EDGE)
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word


def _pick(key: str, forms: Counter[str] | None, final: bool) -> str:
    """Choose the written form of `key` from its counted forms."""
    if not forms:
        return key
    by_lower: Counter[str] = Counter()
    for form, count in forms.items():
        by_lower[form.lower()] += count
    lowercase = sum(c for f, c in forms.items() if f == f.lower()) >= _LOWERCASE_SHARE * sum(
        forms.values()
    )
    ranked = sorted(by_lower, key=lambda f: (-by_lower[f], f))
    if not final:
        exact = [f for f in ranked if _flat(f) == key]
        ranked = exact or ranked
    chosen = ranked[0]
    if lowercase:
        return chosen
    variants = [f for f in forms if f.lower() == chosen]
    return min(variants, key=lambda f: (-forms[f], f))


def _flat(form: str) -> str:
    """A lower-case form without hyphens or apostrophes, comparable with a key."""
    return form.lower().replace("-", "").replace("'", "").replace("’", "")
