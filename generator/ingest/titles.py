"""Readable titles generated from an abstract, for records that came without one.

A title names what the paper does, so it is drawn from the abstract's contribution
sentence ("we propose X", "this dissertation studies X", "here we develop X called N"),
not from its opening, which is usually background ("Recent advances in ... have made").
Verbs of making (propose, introduce, present, develop) win over verbs of studying
(study, survey, focus on), which win over the first sentence. The object is cut at the
first clause that only explains it (", which", " by leveraging", " in the ... setting")
and kept to a title's length; a named method leads ("Hyper-SAGNN: a self-attention
based graph neural network"); a question posed after a colon is the title itself.
Pages mark every generated title as such.
"""

from __future__ import annotations

import re

# Space after a sentence's end mark (and a closing quote or bracket).
_AFTER_END_RE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')\]]))\s+")
_SENTENCE_OPENERS = "\"'("
# A period that ends an abbreviation ends no sentence: "(e.g. 2 or 3 samples)", "vs.
# ResNet"; after "Fig.", "Eq.", "Sec.", "Ref.", "No." or "et al." only a number or a
# bracket goes on ("Fig. 4", "et al. (2019)"; "by Han et al. We propose" is two).
# Looked for in a sentence's last characters only.
_ALWAYS_ABBREVIATED_RE = re.compile(r"\b(?:e\.g|i\.e|cf|vs|approx|resp)\.$", re.IGNORECASE)
_NUMBERED_RE = re.compile(r"\b(?:Fig|Figs|Eq|Eqs|Sec|No|Ref|Refs|et al)\.$", re.IGNORECASE)
_ABBREVIATION_TAIL = 16
_WORK = r"(?:paper|work|study|article|dissertation|thesis|report|survey|note)"
_WHO = rf"(?:we|this {_WORK})"
# A list's summary sentence also takes "the present paper introduces" and, when nothing
# else says what the paper does, "our work proposes" or a verb of making in the past
# tense ("we developed"; not "we examined": that is its experiments). A title drawn
# from an abstract keeps the narrower pattern, so that its slug stays.
_WHO_HERE = rf"(?:we|(?:this|the present|the current) {_WORK})"
_WHO_OURS = rf"(?:we|(?:this|the present|the current|our) {_WORK})"
_INTENT = r"(?:(?:will|can|expect to|aim to|seek to|set out to|try to)\s+)?"
_ADVERBS = r"(?:(?:also|first|further|then|here|hence|therefore|thus|instead|now),?\s+)*"
# Verbs by what they say the paper does: make something (best), or study something.
_MAKING = r"propose|introduce|present|develop|design|devise|describe|build|construct|derive"
_STUDYING = r"stud(?:y|ie)|investigate|survey|analy[sz]e|examine|explore|provide|focus on|address"


def _contribution_pattern(who: str, verbs: str, endings: str = "s?") -> re.Pattern[str]:
    return re.compile(
        rf"\b{who}\s+{_INTENT}{_ADVERBS}(?P<verb>{verbs}){endings}\s+(?P<object>.+)$",
        re.IGNORECASE,
    )


# By rank: a verb of making, then of studying.
_CONTRIBUTION_RE = {
    0: _contribution_pattern(_WHO, _MAKING),
    1: _contribution_pattern(_WHO, _STUDYING),
}
_SUMMARY_RE = {
    0: _contribution_pattern(_WHO_HERE, _MAKING),
    1: _contribution_pattern(_WHO_HERE, _STUDYING),
    2: _contribution_pattern(_WHO_OURS, _MAKING, "(?:s|e?d)?"),
}
# Else a list's summary takes a sentence where the paper itself acts: "In our work, we
# bridge the gap between ...", "Here we show ...", "in this study, X was investigated",
# before the opening (background, more often than not), unless it points back at the
# sentence before ("Although they are usually considered ..."). Not "The data used in
# this study are available at ..." or "The experiments in this work were run on GPUs".
_HERE_RE = re.compile(
    rf"\b(?:(?:in|with|through) (?:this|the present|the current|our) {_WORK},?\s+we\s"
    rf"|here,?\s+we\s"
    rf"|in (?:this|the present|the current|our) {_WORK},?\s.{{0,120}}\b(?:is|are|was|were)"
    r" (?:proposed|introduced|presented|developed|designed|investigated|studied|explored"
    r"|examined|analy[sz]ed|evaluated|addressed|described)\b)",
    re.IGNORECASE,
)
# A sentence about the authors' earlier work says nothing of this paper.
_PRIOR_WORK_RE = re.compile(
    r"\b(?:previous|prior|earlier|past) (?:works?|papers?|stud(?:y|ies)|versions?)\b",
    re.IGNORECASE,
)
# Where the object stops naming the contribution and starts explaining it.
_EXPLAINS_RE = re.compile(
    r",?\s+(?:which|that can|that is|that are|where|whereby|while|whose|so that|such that"
    r"|by (?:leveraging|using|exploiting|combining)|in order to|based on|in the [\w-]+ setting"
    r"|with (?:a|an|the) (?:direct|broad|wide) application|that will"
    r"|and (?:then )?(?:demonstrate|show|evaluate|prove|find|validate|verify)s?)\b"
    r"|;\s+|\.\s+|\s+-\s+",
    re.IGNORECASE,
)
_NAMED_RE = re.compile(r"^(?P<what>.+?),?\s+(?:called|named|dubbed|termed)\s+(?P<name>\S+)")
_NAME_FIRST_RE = re.compile(r"^(?P<name>[A-Z][\w+-]*[A-Z0-9][\w+-]*),\s+(?P<what>an?\s.+)$")
_QUESTION_RE = re.compile(
    r":\s+(?P<question>(?:why|how|what|when|whether|which|can|do|does|is|are)\b[^?]*\?)",
    re.IGNORECASE,
)
# Words that say nothing about the work in a title: "a novel approach" is "an approach".
_PRAISE_RE = re.compile(r"\b(?:novel|new)(?:\s*,\s*|\s+and\s+|\s+)", re.IGNORECASE)
_ARTICLE_RE = re.compile(r"^(?P<article>an?)\s+(?P<next>\S)", re.IGNORECASE)
# "propose to learn X" reads as a title as "Learning X".
_TO_VERB_RE = re.compile(r"^to\s+(?P<verb>[a-z]+)\b", re.IGNORECASE)
_FILLER = frozenset(
    "a an the of for to in on and or with by from as at its their our this that these it "
    "them which we they is are be".split()
)
# The headings of structured abstracts ("Background.", "Materials and methods:"): a
# "sentence" made of these words (and "and", "of", "the") alone is no summary of the
# paper. A short sentence of other words is one ("We introduce DETR.").
HEADINGS = frozenset(
    """
    background backgrounds introduction motivation context purpose purposes aim aims
    objective objectives goal goals rationale method methods methodology materials
    design setting settings participants patients subjects interventions measurements
    approach approaches results findings outcome outcomes conclusion conclusions
    discussion significance limitations implications availability implementation
    contact supplementary information summary abstract main
    """.split()
)
_HEADING_JOINERS = frozenset("and of the & / -".split())
# Words that tie a sentence to the one before it: shown alone, a list's summary drops
# them ("Then, we propose ..."), or takes another sentence when it points back at
# something it does not name ("Here we propose to design them ...").
_CONNECTIVE_RE = re.compile(
    r"^(?:however|then|thus|hence|therefore|moreover|furthermore|additionally|finally"
    r"|instead|consequently|accordingly|nevertheless|afterwards|subsequently|to this end"
    r"|in addition|in contrast"
    r"|to (?:address|tackle|solve|overcome|alleviate|mitigate) (?:this|these|both)"
    r"(?: \w+){0,2}|here|specifically|in particular|(?:more )?(?:interestingly|importantly)"
    # "Motivated by these observations, we propose ...": observations the reader of a
    # list does not see ("Based on the Transformer architecture, ..." stays)
    r"|(?:based|building|capitali[sz]ing|drawing|relying|motivated|inspired|prompted|guided"
    r"|driven|informed) (?:on|upon|by|from|with) (?:(?:this|these|that|those|such|the above)"
    r" [\w-]+(?: [\w-]+)?|(?:the|our) (?:observations?|findings?|analys[ie]s|insights?"
    r"|results?|discover(?:y|ies)|limitations?|stud(?:y|ies)|theory|evidence))"
    r"|in light of (?:this|these|that|those)(?: [\w-]+)?"
    r"|in (?:this|that|such an?) (?:context|setting|regard|spirit|vein|direction|scenario"
    r"|situation|case)"
    # "In this paper, we propose ...": under a title, every entry began so
    r"|in (?:this|our|the present) (?:paper|work|study|article|letter|note|manuscript"
    r"|thesis)),\s+(?=\w)",
    re.IGNORECASE,
)
# A purpose that points back before "we": "To remedy this shortcoming and consider the
# redundancy between channels, we introduce ...", "To realize this theorem in practice,
# we propose ..." (the sentence after "we" stands alone; other subjects are kept).
_PURPOSE_BACK_RE = re.compile(
    r"^to [a-z]+ (?:this|these|that|those|such|both)\b[^,.;:]{0,80},\s+(?=we\b)",
    re.IGNORECASE,
)
# A list's number before a sentence ("4) We introduce ...", "(ii) We"), not an equation's
# ("(3) is hard").
_ENUMERATOR_RE = re.compile(r"^\(?(?:\d{1,2}|[ivx]{1,4})\)\s*(?=[Ww]e\b|[A-Z])")
# Words that lean on the sentence before: "they", "both methods", "the latter".
_POINTS_BACK_RE = re.compile(
    r"\b(?:them|they|the (?:former|latter)"
    r"|(?:both|these|those|such) (?:methods|approaches|models|techniques|works|ideas|issues"
    r"|problems|limitations|challenges|difficulties|drawbacks))\b",
    re.IGNORECASE,
)
# What a sentence cannot be read without the one before ("improvements of the former
# in order to enrich the latter", "combine the advantages from both methods").
_LEANS_BACK_RE = re.compile(
    r"\b(?:the (?:former|latter)|both (?:methods|approaches|models|techniques|works|ideas))\b",
    re.IGNORECASE,
)
_MAX_WORDS = 14
# A title's length in characters, at most: 14 words of a long-worded field, and no
# 5,000-character "word" in every list of the site.
_MAX_CHARACTERS = 150
_UNTITLED = "Untitled abstract"
_MIN_CONTENT_WORDS = 2


def title_from_abstract(abstract: str) -> str:
    """Return a short title-like phrase naming what the abstract says the paper does."""
    sentences = prose_sentences(abstract)
    if not sentences:
        return _UNTITLED
    phrase = _question(sentences) or _contribution(sentences) or sentences[0]
    title = _shorten(phrase)
    return title if re.search(r"[^\W_]", title) else _UNTITLED  # ". . . ." says nothing


def contribution_sentence(abstract: str, alone: bool = True) -> str:
    """The sentence of `abstract` that says what the paper does ("We propose ..."; verbs
    of making before verbs of studying, before "our work proposes" or "we developed",
    before any sentence set in the paper, "in this work, we bridge ..."; never one about
    earlier work), else its first sentence.

    Lists show it under a title: an abstract's opening is usually background ("Melanoma
    is caused by the abnormal growth of melanocytes") that says nothing of the paper.
    With `alone`, one whose object is the sentence before ("enrich the latter") gives
    way to a lesser one that reads alone, else to the opening (unless it leans back too).
    """
    sentences = prose_sentences(abstract)
    candidates = [s for s in sentences if not _PRIOR_WORK_RE.search(s)]
    opening = sentences[0] if sentences else ""
    passed_over = False
    # (a title drawn from the abstract took a verb's sentence or the opening: `alone` is
    # off, and the caller shows another sentence than the one returned)
    patterns = [_SUMMARY_RE[rank] for rank in sorted(_SUMMARY_RE)] + ([_HERE_RE] if alone else [])
    for pattern in patterns:
        found = [standing_alone(s) for s in candidates if pattern.search(s)]
        # one that does not point back at the sentence before, if any
        best = next((s for s in found if not _POINTS_BACK_RE.search(s)), found[0] if found else "")
        pointing = _POINTS_BACK_RE.search(best)
        if not best or (pointing and (passed_over or pattern is _HERE_RE)):
            continue
        if not alone or not _LEANS_BACK_RE.search(best) or _LEANS_BACK_RE.search(opening):
            return best
        passed_over = True
    return opening


def says_what_it_does(text: str) -> bool:
    """Whether `text` has a sentence that says what a paper does ("We propose X, ..."):
    a short abstract does; a note ("Remember to check the licences ...") does not."""
    return any(
        pattern.search(sentence) and not _PRIOR_WORK_RE.search(sentence)
        for sentence in split_sentences(text)
        for pattern in _SUMMARY_RE.values()
    )


def prose_sentences(abstract: str) -> list[str]:
    """The sentences of an abstract without the headings of a structured one
    ("Background.", "Materials and methods.": HEADINGS). An abstract of headings only is
    left as it is."""
    sentences = split_sentences(abstract)
    prose = [s for s in sentences if not is_heading(s)]
    return prose or sentences


def without_headings(abstract: str) -> str:
    """An abstract's text without a structured abstract's headings (for the sentence a
    page's description and link previews open with)."""
    return " ".join(prose_sentences(abstract))


def is_heading(sentence: str) -> bool:
    """Whether a "sentence" is a structured abstract's heading ("Results:")."""
    words = sentence.strip().rstrip(".:").lower().split()
    return bool(words) and all(w in HEADINGS or w in _HEADING_JOINERS for w in words)


def standing_alone(sentence: str) -> str:
    """A sentence shown alone, without the word that tied it to the one before it
    ("However, current models ..." -> "Current models ...") or a list's number ("4) We
    introduce ..." -> "We introduce ...")."""
    sentence = _ENUMERATOR_RE.sub("", sentence, count=1)
    match = _CONNECTIVE_RE.match(sentence) or _PURPOSE_BACK_RE.match(sentence)
    if not match:
        return sentence
    rest = sentence[match.end() :]
    return rest[:1].upper() + rest[1:]


def _question(sentences: list[str]) -> str:
    """A question the paper says it studies (`studies X: why do ...?`), else ""."""
    for sentence in sentences:
        for pattern in _CONTRIBUTION_RE.values():
            match = pattern.search(sentence)
            question = _QUESTION_RE.search(match["object"]) if match else None
            if question:
                return question["question"]
    return ""


def _contribution(sentences: list[str]) -> str:
    """The object of the best contribution sentence, shaped as a title; "" for none."""
    for rank in sorted(_CONTRIBUTION_RE):
        for sentence in sentences:
            match = _CONTRIBUTION_RE[rank].search(sentence)
            if not match:
                continue
            phrase = _EXPLAINS_RE.split(match["object"], maxsplit=1)[0].strip(" ,:")
            phrase = _as_title_phrase(phrase)
            if match["verb"].lower() == "survey" and not phrase.lower().startswith("a survey"):
                phrase = f"A survey of {phrase}"
            named = _NAMED_RE.match(phrase) or _NAME_FIRST_RE.match(phrase)
            if named and _content_words(named["what"]) >= _MIN_CONTENT_WORDS:
                phrase = f"{named['name'].rstrip(',.')}: {named['what']}"
            if _content_words(phrase) >= _MIN_CONTENT_WORDS:
                return phrase
    return ""


def _as_title_phrase(phrase: str) -> str:
    """`a novel, simple method` as `a simple method`; `to learn X` as `learning X`."""
    phrase = _PRAISE_RE.sub("", phrase)
    article = _ARTICLE_RE.match(phrase)
    if article:
        vowel = article["next"].lower() in "aeiou"
        right = "an" if vowel else "a"
        right = right if article["article"].islower() else right.capitalize()
        phrase = right + phrase[len(article["article"]) :]
    to_verb = _TO_VERB_RE.match(phrase)
    if to_verb:
        phrase = _gerund(to_verb["verb"]) + phrase[to_verb.end() :]
    return phrase


def _gerund(verb: str) -> str:
    """`learn` -> `learning`, `use` -> `using`, `amplify` -> `amplifying`."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


def _content_words(phrase: str) -> int:
    return sum(1 for word in re.findall(r"[\w-]+", phrase.lower()) if word not in _FILLER)


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences: an end mark, a space, then a capital (any script), a digit
    or an opening quote."""
    sentences: list[str] = []
    for piece in _AFTER_END_RE.split(text.strip()):
        opener = piece[:1]
        opens = opener.isupper() or opener.isdigit() or opener in _SENTENCE_OPENERS
        if sentences and (not opens or _abbreviated(sentences[-1], opener)):
            sentences[-1] += " " + piece
        elif piece:
            sentences.append(piece)
    return sentences


def _abbreviated(sentence: str, opener: str) -> bool:
    """Whether `sentence` ends in an abbreviation that the piece opening with `opener`
    continues (see _ALWAYS_ABBREVIATED_RE)."""
    tail = sentence[-_ABBREVIATION_TAIL:]
    if _ALWAYS_ABBREVIATED_RE.search(tail):
        return True
    return (opener.isdigit() or opener in "([") and _NUMBERED_RE.search(tail) is not None


def _shorten(phrase: str) -> str:
    """Cut a phrase to a title's length, at a clause boundary when one is near."""
    question = phrase.endswith("?")
    phrase = phrase.strip().rstrip(".!?;:")
    words = phrase.split()
    if len(words) > _MAX_WORDS:
        for boundary in (r",\s+|;\s+|:\s+|\s+-\s+", r"\s+(?:that|which|who|to|by|using)\s+"):
            clause = re.split(boundary, phrase)[0].split()
            if 5 <= len(clause) <= _MAX_WORDS:
                words = clause
                break
        else:
            words = [*words[:_MAX_WORDS], "…"]
    if len(" ".join(words)) > _MAX_CHARACTERS:  # cut, with room for " …"
        kept = " ".join(words)[: _MAX_CHARACTERS - 2].rsplit(" ", 1)
        words = [*(kept[0] if len(kept) > 1 else kept[-1]).split(), "…"]
    title = " ".join(words) + ("?" if question and words and words[-1] != "…" else "")
    return title[:1].upper() + title[1:]
