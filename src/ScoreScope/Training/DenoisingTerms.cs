using ScoreScope.Numerics;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>Shared pieces of the denoising losses: the perturbed input, the network output F and its exact target F*.</summary>
static class DenoisingTerms
{
    public sealed record Terms(ModelCoefficients Coefficients, Tensor Output, Tensor Target);

    /// <summary>x_t = a·x₀ + b·z; F = F(c_in·x_t, c) (float32); F* = (−z/b − α·x_t)/β (float64 → float32).</summary>
    public static Terms Compute(ScoreModel model, Tensor x0, Tensor t, Tensor z)
    {
        if (!x0.shape.SequenceEqual(z.shape))
            throw new ArgumentException($"x₀ and z shapes differ: {Shapes.Format(x0)} vs {Shapes.Format(z)}.", nameof(z));
        if (t.dim() != 1 || t.shape[0] != x0.shape[0])
            throw new ArgumentException($"Times must have shape [{x0.shape[0]}]; got {Shapes.Format(t)}.", nameof(t));
        var c = model.Coefficients(t);
        long rank = x0.dim();
        var x064 = x0.to_type(ScalarType.Float64);
        var z64 = z.to_type(ScalarType.Float64);
        var a = Shapes.AppendDims(c.A, rank);
        var b = Shapes.AppendDims(c.B, rank);
        var xt = (x064 * a).Add(z64 * b);
        var target = ((-z64 / b) - xt * Shapes.AppendDims(c.ScoreFromInput, rank)) / Shapes.AppendDims(c.ScoreFromOutput, rank);
        var output = model.NetworkOutput(xt, c);
        return new Terms(c, output, target.to_type(ScalarType.Float32));
    }

    /// <summary>Per-sample float32 weights w(λ(t), a, b, β) computed on the host in float64.</summary>
    public static Tensor Weights(LossWeighting weighting, Tensor t, ModelCoefficients c, Func<double, double, double, double, double> combine)
    {
        var times = t.cpu().data<double>().ToArray();
        var a = c.A.cpu().data<double>().ToArray();
        var b = c.B.cpu().data<double>().ToArray();
        var beta = c.ScoreFromOutput.cpu().data<double>().ToArray();
        var w = new float[times.Length];
        for (int i = 0; i < w.Length; i++) w[i] = (float)combine(weighting.Weight(times[i], a[i], b[i]), a[i], b[i], beta[i]);
        return tensor(w, dtype: ScalarType.Float32, device: t.device);
    }
}
