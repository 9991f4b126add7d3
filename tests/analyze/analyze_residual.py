"""A hand-made corpus where a broad word is also what a few leftover papers are about.

"Regularization" is said in passing by optimal transport and inpainting papers (entropic
regularization, total variation regularization), so across the corpus it is no topic;
but three papers that no cluster takes are about regularization itself.
"""

from __future__ import annotations

_OT = [
    (
        "Entropic Optimal Transport with Sinkhorn Iterations",
        "We study entropic optimal transport and accelerate the Sinkhorn algorithm. Entropic "
        "regularization makes optimal transport plans smooth; the regularization strength "
        "trades accuracy for speed of the Wasserstein distance.",
    ),
    (
        "Neural Optimal Transport Maps for Generative Modelling",
        "Neural optimal transport learns transport maps between probability measures. We "
        "parameterise the optimal transport map with a neural network and minimise the "
        "Wasserstein distance between measures.",
    ),
    (
        "Sparse Optimal Transport Plans",
        "Optimal transport plans are dense under entropic regularization. We propose sparse "
        "optimal transport with quadratic regularization; the Sinkhorn algorithm is replaced "
        "by a sparse solver of the Wasserstein problem.",
    ),
    (
        "Unbalanced Optimal Transport for Single-Cell Data",
        "Unbalanced optimal transport relaxes mass conservation. We apply optimal transport "
        "to single-cell trajectories, computing transport plans with a Sinkhorn scheme and a "
        "Wasserstein loss between probability measures.",
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
        "High-resolution image inpainting is hard because missing regions are large. Total "
        "variation regularization smooths the filled holes; this regularization and iterative "
        "refinement of the inpainting keep texture from known patches.",
    ),
    (
        "Free-Form Image Inpainting with Gated Convolution",
        "Free-form masks make image inpainting difficult. Gated convolutions learn which pixels "
        "are valid; the inpainting network fills missing regions and holes with coherent "
        "texture from the surrounding image.",
    ),
    (
        "Structure-Guided Image Inpainting",
        "Image inpainting benefits from structure. We predict edges of the missing regions "
        "first and then fill holes with texture, so that the inpainting output respects the "
        "structure of the masked image.",
    ),
]
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
_LONERS = [
    (
        "Crop Yield Forecasting from Satellite Time Series",
        "We forecast crop yield from satellite time series with recurrent models and weather "
        "covariates across farms and seasons.",
    ),
    (
        "Large-Batch Training of Deep Networks",
        "Large batches speed up training of deep networks but hurt test accuracy. We keep "
        "weight decay and dropout fixed, warm up the learning rate, and study overfitting "
        "and early stopping of deep networks with large batches while training.",
    ),
    (
        "Graph Rewiring for Molecular Property Prediction",
        "Molecular graphs suffer from oversquashing; we rewire edges of each molecule graph "
        "before message passing to predict chemical properties.",
    ),
]

PAPERS = [*_OT, *_INPAINT, *_REGULARIZATION, *_LONERS]
REGULARIZATION = [t for t, _ in _REGULARIZATION]
LONERS = [t for t, _ in _LONERS]
CLUSTERED = [t for t, _ in (*_OT, *_INPAINT)]
