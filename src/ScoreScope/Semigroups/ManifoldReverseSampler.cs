namespace ScoreScope.Semigroups;

/// <summary>
/// Reverse-time sampling of Brownian motion with generator Δ on a compact manifold (uniform invariant law), from the
/// uniform law at T down to t_min, with a score s_t = ∇log ρ_t: geodesic Euler–Maruyama for the reverse SDE
/// dY = 2s(Y, T − τ)dτ + √2 dB_τ, x ← exp_x(2h·s + √(2h)·ξ) with ξ a tangent standard normal, or Heun's method
/// for the probability-flow ODE dY/dτ = s(Y, T − τ).
/// </summary>
/// <remarks>
/// De Bortoli et al. (2022), "Riemannian score-based generative modelling", Algorithm 1 (geodesic random walk /
/// exponential-map Euler–Maruyama); docs/science/operator-informed.md §2 ("Time handling"): with the exact empirical score the output
/// follows the heat-kernel KDE ρ̂_{t_min}. The Heun corrector's velocity is projected onto the tangent space at the
/// current point (first-order transport; exact on the torus). All particles advance together: the score is evaluated
/// once per time (and Heun stage) through the batched <see cref="IManifoldScore.Score(double, ReadOnlyMemory{double}, Memory{double}, Memory{double})"/>,
/// which <see cref="SphereKernelSmoothingScore"/> implements with its vectorised, tabulated pass; each particle keeps its own
/// generator, so the draws are those of a one-particle-at-a-time loop.
/// </remarks>
public static class ManifoldReverseSampler
{
    /// <summary>Draws <paramref name="count"/> samples; sample i uses its own generator seeded from (seed, i).</summary>
    /// <param name="manifold">The manifold.</param>
    /// <param name="score">The score, tangent vectors.</param>
    /// <param name="times">The decreasing grid T = t_0 &gt; … &gt; t_N = t_min &gt; 0.</param>
    /// <param name="count">The number of samples, ≥ 1.</param>
    /// <param name="kind">The integrator.</param>
    /// <param name="seed">The seed of all draws.</param>
    /// <param name="cancellationToken">Checked before every time step.</param>
    /// <returns>[count][ambient dimension] samples.</returns>
    /// <exception cref="ArgumentException">For a grid that is not strictly decreasing and positive, or count &lt; 1.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public static double[][] Sample(ICompactManifold manifold, IManifoldScore score, IReadOnlyList<double> times, int count,
        ManifoldSamplerKind kind, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifold);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(times);
        if (count < 1) throw new ArgumentException($"count must be ≥ 1; got {count}.", nameof(count));
        if (times.Count < 2 || times.Zip(times.Skip(1)).Any(p => !(p.First > p.Second)) || !(times[^1] > 0))
            throw new ArgumentException("times must be strictly decreasing and end above 0, with at least 2 entries.", nameof(times));
        int n = manifold.AmbientDimension;
        ulong stream = ScoreScope.Numerics.Seeds.Derive(seed, "manifold-reverse-sampler");
        // All particles advance together, one batched score evaluation per time (and per Heun stage); particle i keeps its
        // own generator and draws its normals in the same order as a one-particle-at-a-time loop would.
        var randoms = new Random[count];
        var x = new double[count * n];
        for (int i = 0; i < count; i++)
        {
            randoms[i] = new Random(unchecked((int)ScoreScope.Numerics.Seeds.Derive(stream, (ulong)i)));
            manifold.SampleUniform(x.AsSpan(i * n, n), randoms[i]);
        }
        var s = new double[count * n];
        var x2 = new double[count * n];
        var s2 = new double[count * n];
        var logDensities = new double[count];
        var v = new double[n];
        for (int k = 0; k + 1 < times.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double t = times[k], h = t - times[k + 1];
            score.Score(t, x, s, logDensities);
            if (kind == ManifoldSamplerKind.GeodesicEulerMaruyama)
            {
                double sd = Math.Sqrt(2 * h);
                for (int i = 0; i < count; i++)
                {
                    var xi = x.AsSpan(i * n, n);
                    var si = s.AsSpan(i * n, n);
                    for (int j = 0; j < n; j++) v[j] = sd * GaussianMixtureLine.StandardNormal(randoms[i]);
                    manifold.ProjectToTangent(xi, v);
                    for (int j = 0; j < n; j++) v[j] += 2 * h * si[j];
                    manifold.ExponentialMap(xi, v);
                }
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    var si = s.AsSpan(i * n, n);
                    var x2i = x2.AsSpan(i * n, n);
                    x.AsSpan(i * n, n).CopyTo(x2i);
                    for (int j = 0; j < n; j++) v[j] = h * si[j];
                    manifold.ExponentialMap(x2i, v);
                }
                score.Score(times[k + 1], x2, s2, logDensities);
                for (int i = 0; i < count; i++)
                {
                    var xi = x.AsSpan(i * n, n);
                    var si = s.AsSpan(i * n, n);
                    var s2i = s2.AsSpan(i * n, n);
                    manifold.ProjectToTangent(xi, s2i);
                    for (int j = 0; j < n; j++) v[j] = 0.5 * h * (si[j] + s2i[j]);
                    manifold.ExponentialMap(xi, v);
                }
            }
        }
        var result = new double[count][];
        for (int i = 0; i < count; i++) result[i] = x.AsSpan(i * n, n).ToArray();
        return result;
    }
}
