using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// Per-sample norms of the normal and tangential parts of a vector field (or of a Jacobian's normal–normal and
/// tangent–tangent blocks) relative to a manifold M: the normal part of the score blows up like dist/b² and its
/// Jacobian like 1/b², the tangential parts stay O(1) (Lu, Wang, Bal 2023, arXiv 2301.07882; docs/science/singular-scores.md §2.4).
/// </summary>
/// <param name="Normal">‖P_N v‖ (or ‖P_N J P_N‖_F), [B] float64.</param>
/// <param name="Tangent">‖P_T v‖ (or ‖P_T J P_T‖_F), [B] float64.</param>
public sealed record NormalTangentNorms(Tensor Normal, Tensor Tangent);
