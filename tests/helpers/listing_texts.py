"""Listing texts shared by the ingest and CLI tests (importable: tests/ is on pythonpath)."""

HEADER = "Get trending papers in your email inbox!\n"
ABSTRACT = (
    "We propose a segmentation network for medical images. It outperforms earlier "
    "convolutional baselines on three public benchmarks while using fewer parameters."
)
OTHER = (
    "This paper studies stochastic gradient descent on nonconvex objectives. We prove "
    "tight convergence rates and confirm them with experiments on standard datasets."
)
