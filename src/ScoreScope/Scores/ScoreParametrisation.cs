using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// How a network output F is turned into a score at a point x_t = a·x₀ + b·z of a linear forward process, exactly, given
/// a = a(t) and b = b(t). The parametrisation is a property of a <see cref="ScoreModel"/>: samplers only ever see the
/// score. All conversions are affine, s = α·x + β·F(c_in·x, c) (<see cref="Coefficients"/>), so the denoising loss can
/// be computed on F directly with the exact weight λ·β².
/// </summary>
/// <remarks>
/// Every parametrisation feeds the network the standardised input c_in·x with c_in = 1/√(b² + a²σ_data²), EDM's c_in
/// (Karras et al. 2022, Table 1) written for the unscaled x_t, so that inputs stay O(1) under VE and VP alike.
/// </remarks>
public abstract class ScoreParametrisation
{
    /// <summary>Creates the parametrisation with the data standard deviation σ_data.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless σ_data is finite and &gt; 0.</exception>
    protected ScoreParametrisation(double sigmaData)
    {
        if (!(sigmaData > 0) || !double.IsFinite(sigmaData))
            throw new ArgumentOutOfRangeException(nameof(sigmaData), sigmaData, "σ_data must be finite and > 0.");
        SigmaData = sigmaData;
    }

    /// <summary>σ_data, the (per-coordinate) standard deviation of the data (Karras et al. 2022, Table 1).</summary>
    public double SigmaData { get; }

    /// <summary>Which parametrisation this is.</summary>
    public abstract ParametrisationKind Kind { get; }

    /// <summary>c_in = 1/√(b² + a²σ_data²), the network's input scale at (a, b).</summary>
    public double InputScale(double a, double b) => 1.0 / Math.Sqrt(b * b + a * a * SigmaData * SigmaData);

    /// <summary>The coefficients of s = α·x + β·F(c_in·x, c) at (a, b), b &gt; 0.</summary>
    public abstract ParametrisationCoefficients Coefficients(double a, double b);

    /// <summary>The score s = α·x + β·F from a network output F at (a, b) (exact; float64 arithmetic on float64 inputs).</summary>
    public Tensor ScoreFromOutput(Tensor x, Tensor output, double a, double b)
    {
        var c = Coefficients(a, b);
        using var scope = NewDisposeScope();
        return (x.Multiply(c.ScoreFromInput).Add(output.to_type(x.dtype).Multiply(c.ScoreFromOutput))).MoveToOuterDisposeScope();
    }

    /// <summary>The network output F = (s − α·x)/β that represents the score s at (a, b): the exact training target.</summary>
    public Tensor OutputFromScore(Tensor x, Tensor score, double a, double b)
    {
        var c = Coefficients(a, b);
        using var scope = NewDisposeScope();
        return ((score - x.Multiply(c.ScoreFromInput)).Divide(c.ScoreFromOutput)).MoveToOuterDisposeScope();
    }

    /// <summary>Creates the parametrisation of the given kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown kind or an invalid σ_data.</exception>
    public static ScoreParametrisation Create(ParametrisationKind kind, double sigmaData) => kind switch
    {
        ParametrisationKind.Score => new DirectScoreParametrisation(sigmaData),
        ParametrisationKind.Noise => new NoisePredictionParametrisation(sigmaData),
        ParametrisationKind.Data => new DataPredictionParametrisation(sigmaData),
        ParametrisationKind.Edm => new EdmPreconditioning(sigmaData),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Known parametrisations: Score, Noise, Data, Edm."),
    };

    /// <summary>Checks b &gt; 0 and a &gt; 0, which every conversion divides by.</summary>
    protected static void CheckMarginal(double a, double b)
    {
        if (!(a > 0) || !(b > 0) || !double.IsFinite(a) || !double.IsFinite(b))
            throw new ArgumentOutOfRangeException(nameof(b), b, $"Parametrisations need a > 0 and b > 0 (finite); got a = {a}, b = {b}.");
    }
}
