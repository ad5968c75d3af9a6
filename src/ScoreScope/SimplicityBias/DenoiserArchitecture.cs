namespace ScoreScope.SimplicityBias;

/// <summary>The two-layer ε-predictor ε̂(x) = s·x + Σᵢ oᵢ·g(c·wᵢ·x) of the teacher–student experiments.</summary>
public enum DenoiserArchitecture
{
    /// <summary>Tied output oᵢ = wᵢ (Bardone, Merger &amp; Goldt 2026; m = 1 with spherical SGD is the single neuron).</summary>
    Tied,

    /// <summary>A separate second layer oᵢ = vᵢ.</summary>
    Untied,
}
