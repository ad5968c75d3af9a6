namespace ScoreScope.Semigroups;

/// <summary>
/// A one-dimensional Gaussian mixture Σ_j w_j N(m_j, s_j²) with its density and score, and its exact
/// Ornstein–Uhlenbeck marginal ρ_t = Σ_j w_j N(e^{−t}m_j, e^{−2t}s_j² + 1 − e^{−2t}) (docs/science/04 §5.2), the
/// exact oracle for Fisher errors of OISM.
/// </summary>
public sealed class GaussianMixtureLine
{
    readonly double[] _weights;
    readonly double[] _means;
    readonly double[] _sds;

    /// <summary>Creates the mixture; weights are normalised to sum 1.</summary>
    /// <exception cref="ArgumentException">For mismatched lengths, no component, non-positive weights or s_j ≤ 0.</exception>
    public GaussianMixtureLine(IReadOnlyList<double> weights, IReadOnlyList<double> means, IReadOnlyList<double> standardDeviations)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(standardDeviations);
        if (weights.Count == 0 || weights.Count != means.Count || means.Count != standardDeviations.Count)
            throw new ArgumentException($"weights, means and standard deviations need the same length ≥ 1; got {weights.Count}, {means.Count}, {standardDeviations.Count}.", nameof(weights));
        if (weights.Any(w => !(w > 0) || !double.IsFinite(w)) || standardDeviations.Any(s => !(s > 0) || !double.IsFinite(s)) || means.Any(m => !double.IsFinite(m)))
            throw new ArgumentException("weights and standard deviations must be positive and finite, means finite.", nameof(weights));
        double total = weights.Sum();
        _weights = weights.Select(w => w / total).ToArray();
        _means = means.ToArray();
        _sds = standardDeviations.ToArray();
    }

    /// <summary>The normalised weights.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The component means.</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>The component standard deviations.</summary>
    public IReadOnlyList<double> StandardDeviations => _sds;

    /// <summary>The OU marginal at time t ≥ 0 (itself a Gaussian mixture).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t negative or not finite.</exception>
    public GaussianMixtureLine OrnsteinUhlenbeckMarginal(double time)
    {
        SemigroupChecks.RequireTime(time, allowZero: true);
        double a = Math.Exp(-time), v = -ScoreScope.Numerics.ExponentialMinusOne.Evaluate(-2 * time);
        return new GaussianMixtureLine(_weights, _means.Select(m => a * m).ToArray(),
            _sds.Select(s => Math.Sqrt(a * a * s * s + v)).ToArray());
    }

    /// <summary>The density at x.</summary>
    public double Density(double x)
    {
        double p = 0;
        for (int j = 0; j < _weights.Length; j++)
        {
            double z = (x - _means[j]) / _sds[j];
            p += _weights[j] * Math.Exp(-0.5 * z * z) / (_sds[j] * Math.Sqrt(2 * Math.PI));
        }
        return p;
    }

    /// <summary>The score d/dx log p(x), computed with shifted log-weights (no underflow far in the tails).</summary>
    public double Score(double x)
    {
        double max = double.NegativeInfinity;
        Span<double> log = stackalloc double[_weights.Length];
        for (int j = 0; j < _weights.Length; j++)
        {
            double z = (x - _means[j]) / _sds[j];
            log[j] = Math.Log(_weights[j] / _sds[j]) - 0.5 * z * z;
            max = Math.Max(max, log[j]);
        }
        double num = 0, den = 0;
        for (int j = 0; j < _weights.Length; j++)
        {
            double w = Math.Exp(log[j] - max);
            num += w * -(x - _means[j]) / (_sds[j] * _sds[j]);
            den += w;
        }
        return num / den;
    }

    /// <summary>Exact E[h_k], k = 0 … maxDegree (see <see cref="HermiteMoments.OfGaussianMixture"/>).</summary>
    public double[] HermiteMoments(int maxDegree) => Semigroups.HermiteMoments.OfGaussianMixture(_weights, _means, _sds, maxDegree);

    /// <summary>n independent draws from the mixture with the given generator.</summary>
    public double[] Sample(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var x = new double[count];
        for (int i = 0; i < count; i++)
        {
            double u = random.NextDouble();
            int j = 0;
            while (j < _weights.Length - 1 && u >= _weights[j]) { u -= _weights[j]; j++; }
            x[i] = _means[j] + _sds[j] * StandardNormal(random);
        }
        return x;
    }

    /// <summary>A standard normal draw (Box–Muller on two uniforms of the generator).</summary>
    internal static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
