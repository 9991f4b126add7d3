"""Small hand-made corpora: three clear clusters and a few loners, and a variant.

The variant (RESIDUAL_PAPERS) keeps two clusters, has them say "regularization" in
passing (entropic, total variation regularization), and adds three papers that are
about regularization itself and that no cluster takes.
"""

from __future__ import annotations

_OT = [
    (
        "Entropic Optimal Transport with Sinkhorn Iterations",
        "We study entropic optimal transport and accelerate the Sinkhorn algorithm. Optimal "
        "transport plans between probability measures are computed with Sinkhorn iterations "
        "and the Wasserstein distance. Our transport maps improve on prior optimal "
        "transport solvers.",
    ),
    (
        "Neural Optimal Transport Maps for Generative Modelling",
        "Neural optimal transport learns transport maps between probability measures. We "
        "parameterise the optimal transport map with a neural network and minimise the "
        "Wasserstein distance. Optimal transport gives a principled generative model.",
    ),
    (
        "Sparse Optimal Transport Plans",
        "Optimal transport plans are dense under entropic regularisation. We propose sparse "
        "optimal transport with a quadratic penalty; the Sinkhorn algorithm is replaced by a "
        "sparse solver. Transport plans stay interpretable and the Wasserstein cost is preserved.",
    ),
    (
        "Unbalanced Optimal Transport for Single-Cell Data",
        "Unbalanced optimal transport relaxes mass conservation. We apply optimal transport "
        "to single-cell trajectories, computing transport plans with a Sinkhorn scheme and a "
        "Wasserstein loss between probability measures at successive times.",
    ),
    (
        "Optimal Transport Barycenters in High Dimension",
        "Wasserstein barycenters average probability measures with optimal transport. We "
        "compute optimal transport barycenters with entropic Sinkhorn iterations and study "
        "transport maps in high dimension.",
    ),
]
_INPAINT = [
    (
        "Image Inpainting with Contextual Attention",
        "Image inpainting fills missing regions of an image with plausible content. Our image "
        "inpainting network uses contextual attention to copy patches from the surrounding "
        "context and restore texture in the masked holes.",
    ),
    (
        "High-Resolution Image Inpainting with Iterative Refinement",
        "High-resolution image inpainting is hard because missing regions are large. We refine "
        "the inpainting result iteratively, filling holes with texture from known patches of the "
        "image and blending the masked region.",
    ),
    (
        "Free-Form Image Inpainting with Gated Convolution",
        "Free-form masks make image inpainting difficult. Gated convolutions learn which pixels "
        "are valid; the inpainting network fills missing regions and holes with coherent texture "
        "and structure from the surrounding image.",
    ),
    (
        "Video Inpainting by Propagating Patches",
        "Video inpainting fills missing regions in every frame. We propagate patches across "
        "frames so that image inpainting becomes consistent in time; masked holes are filled "
        "with texture from neighbouring frames.",
    ),
    (
        "Structure-Guided Image Inpainting",
        "Image inpainting benefits from structure. We predict edges of the missing regions "
        "first and then fill holes with texture, so that the inpainting output respects the "
        "structure of the masked image.",
    ),
]
_TAGGING = [
    (
        "Music Auto-Tagging with Sample-Level Convolutional Networks",
        "Music auto-tagging predicts tags such as genre and mood from raw audio waveforms. "
        "Sample-level convolutional networks learn music auto-tagging directly from the audio "
        "signal and outperform spectrogram models on music tagging benchmarks.",
    ),
    (
        "Interpretable Music Auto-Tagging with Self-Attention",
        "We make music auto-tagging interpretable: self-attention over audio frames shows "
        "which parts of a song drive each tag. Music tagging accuracy on the MagnaTagATune "
        "audio dataset matches convolutional music auto-tagging models.",
    ),
    (
        "Contrastive Pretraining for Music Auto-Tagging",
        "Labelled music is scarce. We pretrain audio encoders contrastively on unlabelled "
        "songs and fine-tune them for music auto-tagging; music tagging of genre, mood and "
        "instruments improves with little labelled audio.",
    ),
    (
        "Multi-Label Music Tagging from Spectrograms",
        "Music tagging is a multi-label problem over audio. Spectrogram convolutional "
        "networks predict genre, mood and instrument tags; we compare them for music "
        "auto-tagging and audio tag prediction.",
    ),
]
_LONERS = [
    (
        "Crop Yield Forecasting from Satellite Time Series",
        "We forecast crop yield from satellite time series with recurrent models and weather "
        "covariates across farms and seasons.",
    ),
    (
        "Graph Rewiring for Molecular Property Prediction",
        "Molecular graphs suffer from oversquashing; we rewire edges of each molecule graph "
        "before message passing to predict chemical properties.",
    ),
]

PAPERS = [*_OT, *_INPAINT, *_TAGGING, *_LONERS]
CLUSTERS = {
    "optimal transport": [t for t, _ in _OT],
    "image inpainting": [t for t, _ in _INPAINT],
    "music tagging": [t for t, _ in _TAGGING],
}

_IN_PASSING = {
    _OT[0][0]: "Entropic regularization makes plans smooth; its strength trades accuracy.",
    _OT[2][0]: "Quadratic regularization replaces the entropic regularization of Sinkhorn.",
    _INPAINT[1][0]: "Total variation regularization smooths the holes; this regularization helps.",
}
_REGULARIZATION = [
    (
        "Dropout Regularization for Deep Networks",
        "Dropout is a regularization technique that randomly drops hidden units while "
        "training. Dropout regularization reduces overfitting of deep networks, and we "
        "compare it with weight decay and early stopping.",
    ),
    (
        "Cutout Regularization with Masked Patches",
        "Cutout masks random square patches of the input while training. As a regularization "
        "it reduces overfitting like dropout; this regularization combines with weight decay "
        "and early stopping.",
    ),
    (
        "Weight Decay Regularization Revisited",
        "Weight decay is the most common regularization of deep networks. We revisit this "
        "regularization, relate it to dropout and early stopping, and show when it reduces "
        "overfitting while training.",
    ),
]
_LARGE_BATCH = (
    "Large-Batch Training of Deep Networks",
    "Large batches speed up training of deep networks but hurt test accuracy. We keep "
    "weight decay and dropout fixed, warm up the learning rate, and study overfitting "
    "and early stopping of deep networks with large batches while training.",
)
_CLUSTERED = [
    (title, f"{abstract} {_IN_PASSING[title]}" if title in _IN_PASSING else abstract)
    for title, abstract in (*_OT, *(p for p in _INPAINT if not p[0].startswith("Video")))
]
RESIDUAL_PAPERS = [*_CLUSTERED, *_REGULARIZATION, _LONERS[0], _LARGE_BATCH, _LONERS[1]]
REGULARIZATION = [t for t, _ in _REGULARIZATION]
LONERS = [t for t, _ in (*_LONERS, _LARGE_BATCH)]
CLUSTERED = [t for t, _ in _CLUSTERED]
