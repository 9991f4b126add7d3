"""Property tests: any small corpus analyses without error and keeps the invariants."""

from __future__ import annotations

from analyze_helpers import corpus_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.analyze import analyze

WORDS = (
    "optimal transport image inpainting neural network pruning quantization graph U-Net "
    "NeRF diffusion model segmentation MRI tumor audio music tagging, the of. and; (KAN) "
    "https://github.com/a/b 3D 2024 α Fréchet x_1 {em any} UNet++:"
).split()
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)
paper = st.tuples(sentence.map(lambda s: s[:1].upper() + s[1:]), sentence)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paper, min_size=0, max_size=12))
def test_any_small_corpus(papers: list[tuple[str, str]]) -> None:
    corpus = corpus_of(papers)
    analysis = analyze(corpus)
    slugs = {p.slug for p in corpus.papers}
    assert set(analysis.related) == slugs
    topic_slugs = {t.slug for t in analysis.topics}
    for slug, related in analysis.related.items():
        assert slug not in {r.slug for r in related} and {r.slug for r in related} <= slugs
    for topics in analysis.paper_topics.values():
        assert 1 <= len(topics) <= 3 and set(topics) <= topic_slugs
    for urls in analysis.code_urls.values():
        assert all(u.startswith("https://") for u in urls)
