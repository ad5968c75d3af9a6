using System.Numerics;
using System.Runtime.InteropServices;

namespace ScoreScope.Lattice;

/// <summary>
/// Hybrid Monte Carlo (Duane, Kennedy, Pendleton, Roweth 1987) for C independent chains of the lattice φ⁴ action at
/// once: Gaussian momenta, H = ½Σp² + S[φ], a reversible integrator (<see cref="MolecularDynamicsIntegrator"/>), and
/// a Metropolis accept/reject per chain with probability min(1, e^{−ΔH}). Everything is float64 on plain arrays,
/// vectorised across chains (layout [V, C]); each chain has its own seeded stream.
/// </summary>
public sealed class HybridMonteCarlo : LatticeChainSampler
{
    /// <summary>ξ of Omelyan's 2MN integrator (Omelyan, Mryglod, Folk 2003, Eq. 31).</summary>
    public const double OmelyanXi = 0.1931833275037836;

    readonly double[] _momenta;
    readonly double[] _previous;
    readonly double[] _hamiltonianBefore;
    readonly double[] _hamiltonianAfter;
    double _sumDeltaH, _sumDeltaH2, _sumDeltaH4, _sumExp, _sumExp2;
    long _trajectories;

    /// <summary>Creates C chains with trajectories of <paramref name="options"/>; chain c draws from <c>Seeds.Derive(seed, c)</c>.</summary>
    public HybridMonteCarlo(PhiFourAction action, int chains, ulong seed, HmcOptions options) : base(action, chains, seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _momenta = new double[Fields.Length];
        _previous = new double[Fields.Length];
        _hamiltonianBefore = new double[chains];
        _hamiltonianAfter = new double[chains];
    }

    /// <summary>The trajectory settings.</summary>
    public HmcOptions Options { get; }

    /// <summary>The statistics of the trajectories since thermalisation (or construction).</summary>
    public HmcStatistics Statistics()
    {
        long n = _trajectories;
        Analysis.Estimate Mean(double sum, double sum2)
        {
            double mean = sum / n;
            double variance = n > 1 ? Math.Max(0, (sum2 - n * mean * mean) / (n - 1)) : double.NaN;
            return new Analysis.Estimate(mean, Math.Sqrt(variance / n), n);
        }
        return new HmcStatistics(n, Proposed == 0 ? double.NaN : (double)Accepted / Proposed,
            Mean(_sumDeltaH, _sumDeltaH2), Mean(_sumDeltaH2, _sumDeltaH4), Mean(_sumExp, _sumExp2));
    }

    /// <summary>One trajectory of every chain: fresh momenta, molecular dynamics, Metropolis test.</summary>
    public override void Update()
    {
        int chains = Chains;
        Array.Copy(Fields, _previous, Fields.Length);
        for (int c = 0; c < chains; c++)
        {
            var random = Random(c);
            for (int x = 0; x < Volume; x++) _momenta[x * chains + c] = random.NextGaussian();
        }
        Hamiltonians(_hamiltonianBefore);
        Integrate(Fields, _momenta, Options);
        Hamiltonians(_hamiltonianAfter);
        for (int c = 0; c < chains; c++)
        {
            double deltaH = _hamiltonianAfter[c] - _hamiltonianBefore[c];
            double weight = Math.Exp(-deltaH);
            _sumDeltaH += deltaH;
            _sumDeltaH2 += deltaH * deltaH;
            _sumDeltaH4 += deltaH * deltaH * deltaH * deltaH;
            _sumExp += weight;
            _sumExp2 += weight * weight;
            _trajectories++;
            Proposed++;
            if (Random(c).NextDouble() < weight)
            {
                Accepted++;
                continue;
            }
            for (int x = 0; x < Volume; x++) Fields[x * chains + c] = _previous[x * chains + c];
        }
    }

    /// <summary>
    /// Integrates Hamilton's equations dφ/dτ = p, dp/dτ = F(φ) for an ensemble [V, C] in place with the integrator,
    /// step count and dt of <paramref name="options"/>. Reversible: flipping p afterwards and integrating again
    /// returns to the start up to rounding.
    /// </summary>
    public void Integrate(Span<double> fields, Span<double> momenta, HmcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int chains = fields.Length / Volume;
        double dt = options.StepSize;
        if (options.Integrator == MolecularDynamicsIntegrator.Leapfrog)
        {
            Action.AddForce(fields, momenta, chains, 0.5 * dt);
            for (int step = 0; step < options.Steps; step++)
            {
                AddScaled(momenta, dt, fields);
                Action.AddForce(fields, momenta, chains, step == options.Steps - 1 ? 0.5 * dt : dt);
            }
            return;
        }
        Action.AddForce(fields, momenta, chains, OmelyanXi * dt);
        for (int step = 0; step < options.Steps; step++)
        {
            AddScaled(momenta, 0.5 * dt, fields);
            Action.AddForce(fields, momenta, chains, (1 - 2 * OmelyanXi) * dt);
            AddScaled(momenta, 0.5 * dt, fields);
            Action.AddForce(fields, momenta, chains, step == options.Steps - 1 ? OmelyanXi * dt : 2 * OmelyanXi * dt);
        }
    }

    /// <inheritdoc/>
    protected override void OnThermalised()
    {
        base.OnThermalised();
        _sumDeltaH = _sumDeltaH2 = _sumDeltaH4 = _sumExp = _sumExp2 = 0;
        _trajectories = 0;
    }

    void Hamiltonians(Span<double> result)
    {
        Action.Actions(Fields, Chains, result);
        int chains = Chains;
        for (int x = 0; x < Volume; x++)
            for (int c = 0; c < chains; c++)
            {
                double p = _momenta[x * chains + c];
                result[c] += 0.5 * p * p;
            }
    }

    /// <summary>y += a·x, vectorised.</summary>
    static void AddScaled(ReadOnlySpan<double> x, double a, Span<double> y)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        var va = new Vector<double>(a);
        for (int i = 0; i < vy.Length; i++) vy[i] += va * vx[i];
        for (int i = vy.Length * Vector<double>.Count; i < y.Length; i++) y[i] += a * x[i];
    }
}
