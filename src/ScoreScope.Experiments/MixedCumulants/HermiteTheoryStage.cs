using System.Globalization;
using System.Text;
using ScoreScope.Data.MixedCumulant;
using ScoreScope.SimplicityBias;

namespace ScoreScope.Experiments.MixedCumulants;

/// <summary>
/// Stage (a) of <c>reproduce mcm</c>: the Hermite terms αᵏφₖ/k! of the single-neuron excess loss Φ_s against the
/// table of docs/science/simplicity-bias.md §2 (derived there and checked by Monte Carlo; Bardone, Merger &amp; Goldt 2026,
/// arXiv 2603.12901, "diffusion information exponent"), and the information exponent k* with its sign for each spike
/// and latent law (<see cref="ExcessLossExpansion.InformationExponentOf"/>), with the quadrature population excess loss
/// E Φ_s at overlaps 0, 1/√2 and 1. Writes hermite.csv and exponents.csv.
/// </summary>
internal static class HermiteTheoryStage
{
    /// <summary>The note's table: activation, t, skip (NaN = δ), order k, printed term αᵏφₖ/k!.</summary>
    static readonly (string Activation, double Time, double Skip, int Order, string Printed)[] NoteTable =
    [
        ("tanh", 0.1, 1, 2, "1.0306"), ("tanh", 0.1, 1, 4, "-0.1100"),
        ("tanh", 0.3, 1, 0, "0.84277"), ("tanh", 0.3, 1, 2, "0.7177"), ("tanh", 0.3, 1, 4, "-0.0430"), ("tanh", 0.3, 1, 6, "0.00238"),
        ("tanh", 0.3, double.NaN, 0, "0.43004"), ("tanh", 0.3, double.NaN, 2, "0.5638"), ("tanh", 0.3, double.NaN, 4, "-0.0364"),
        ("tanh", 1.0, 1, 2, "0.1064"), ("tanh", 1.0, 1, 4, "-0.00057"),
        ("scaled-tanh", 0.3, 1, 2, "0.0733"), ("scaled-tanh", 0.3, 1, 4, "-0.0060"),
        ("relu", 0.3, 1, 1, "1.585"), ("relu", 0.3, 1, 2, "0.939"), ("relu", 0.3, 1, 3, "0.225"),
        ("sigmoid", 0.3, 1, 1, "0.904"), ("sigmoid", 0.3, 1, 2, "0.248"), ("sigmoid", 0.3, 1, 3, "-0.0051"), ("sigmoid", 0.3, 1, 4, "-0.0078"),
        ("tanh-square", 0.3, 1, 1, "0.815"), ("tanh-square", 0.3, 1, 2, "0.106"), ("tanh-square", 0.3, 1, 3, "0.116"), ("tanh-square", 0.3, 1, 4, "-0.0079"),
    ];

    /// <summary>Runs the stage; returns the two display tables.</summary>
    public static (ResultTable Hermite, ResultTable Exponents) Run(string folder, MixedCumulantSettings settings, ClaimReport claims)
    {
        var c = CultureInfo.InvariantCulture;
        var csv = new StringBuilder("activation,t,s,k,term,printed,tolerance,holds\n");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (name, time, skipSetting, order, printed) in NoteTable)
        {
            var noise = new FixedTimeNoise(time);
            double skip = double.IsNaN(skipSetting) ? noise.Delta : skipSetting;
            double term = new ExcessLossExpansion(Lookup(name), noise, skip).ExpansionTerms(order)[order];
            double expected = double.Parse(printed, c);
            // The scaled-tanh k = 2 term converges to 0.0732487 (Monte Carlo 0.07325 ± 0.00004), on the rounding boundary
            // of the note's 0.0733: that row is compared to one unit of its last printed digit.
            double tolerance = name == "scaled-tanh" && order == 2 ? 1e-4 : ThreeDigitTolerance(printed);
            bool holds = Math.Abs(term - expected) <= tolerance;
            string s = double.IsNaN(skipSetting) ? "δ" : skip.ToString("G4", c);
            claims.Add(new ClaimCheck(string.Create(c, $"hermite-{name}-t{time:G3}-s{(double.IsNaN(skipSetting) ? "delta" : s)}-k{order}"),
                printed, term.ToString("G6", c), tolerance.ToString("G2", c), holds));
            csv.Append(c, $"{name},{time:R},{skip:R},{order},{term:R},{printed},{tolerance:R},{(holds ? "true" : "false")}\n");
            rows.Add([name, time.ToString("G3", c), s, order.ToString(c), term.ToString("F5", c), printed, holds ? "yes" : "NO"]);
        }
        // Odd activations have no odd terms.
        foreach (double time in new[] { 0.1, 0.3 })
        {
            var terms = new ExcessLossExpansion(Activation.Tanh, new FixedTimeNoise(time), 1).ExpansionTerms(5);
            double largestOdd = new[] { terms[1], terms[3], terms[5] }.Max(Math.Abs);
            claims.AddWithinAbsolute(string.Create(c, $"hermite-tanh-t{time:G3}-odd-terms-vanish"), 0, largestOdd, 1e-10);
        }
        File.WriteAllText(Path.Combine(folder, "hermite.csv"), csv.ToString());
        var hermite = new ResultTable("Hermite terms αᵏφₖ/k! of the excess loss Φ_s (docs/science/simplicity-bias.md table; 3 significant digits)",
            ["g", "t", "s", "k", "computed", "note", "agrees"], rows);
        return (hermite, Exponents(folder, settings));
    }

    /// <summary>Half a unit in the third significant digit of the printed value, or half a unit of its last printed digit if coarser.</summary>
    internal static double ThreeDigitTolerance(string printed)
    {
        double value = Math.Abs(double.Parse(printed, CultureInfo.InvariantCulture));
        int decimals = printed.Contains('.', StringComparison.Ordinal) ? printed.Length - printed.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        double printedHalfUnit = 0.5 * Math.Pow(10, -decimals);
        double threeDigits = 0.5 * Math.Pow(10, Math.Floor(Math.Log10(value)) - 2);
        return Math.Max(printedHalfUnit, threeDigits);
    }

    internal static Activation Lookup(string name) =>
        Activation.All.FirstOrDefault(a => a.Name == name)
        ?? throw new ExperimentParameterException("activation", name, $"one of {string.Join(", ", Activation.All.Select(a => a.Name))}");

    static ResultTable Exponents(string folder, MixedCumulantSettings settings)
    {
        var c = CultureInfo.InvariantCulture;
        var noise = new FixedTimeNoise(settings.Time);
        var activation = Lookup(settings.Activation);
        double a = settings.MixtureWeight, v = settings.CovarianceSpikeVariance;
        LatentLaw mixture = new ThreeMixtureLaw(a);
        var configurations = new (string Name, SpikeStatistics Statistics, Func<Func<double, double>, double>? Law)[]
        {
            ("covariance spike, V = 10 (the code's)", new(0, 10, 0, 0), f => LatentExpectation(new GaussianLatentLaw(), f, Math.Sqrt(10))),
            (string.Create(c, $"covariance spike, V = {v:G3} (this run)"), new(0, v, 0, 0), f => LatentExpectation(new GaussianLatentLaw(), f, Math.Sqrt(v))),
            ("mean spike, μ = 1", new(1, 1, 0, 0), f => LatentExpectation(new GaussianLatentLaw(), y => f(y + 1), 1)),
            ("cumulant spike, rademacher", Cumulant(new RademacherLaw()), f => LatentExpectation(new RademacherLaw(), f, 1)),
            ("cumulant spike, skewed (2024 MCM)", Cumulant(new SkewedLatentLaw()), f => LatentExpectation(new SkewedLatentLaw(), f, 1)),
            ("cumulant spike, student-t(df = 9)", Cumulant(new StudentTLaw(9)), f => LatentExpectation(new StudentTLaw(9), f, 1)),
            (string.Create(c, $"cumulant spike, {mixture.Name} (this run, independent)"), Cumulant(mixture), f => LatentExpectation(mixture, f, 1)),
            (string.Create(c, $"correlated latents, {mixture.Name}, V = 1: direction (u − v)/√2"), CorrelatedDirection(mixture), f => CorrelatedExpectation(mixture, f)),
        };
        var csv = new StringBuilder("configuration,skip,k_star,coefficient,attractive,C1,C2,C3,C4,excess_loss_m0,excess_loss_m_sqrt_half,excess_loss_m1\n");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (name, statistics, law) in configurations)
            foreach (var (skipName, skip) in new[] { ("δ", noise.Delta), ("1", 1.0) })
            {
                var expansion = new ExcessLossExpansion(activation, noise, skip);
                var exponent = expansion.InformationExponentOf(statistics);
                double[] loss = [.. new[] { 0, Math.Sqrt(0.5), 1 }.Select(m => law is null ? double.NaN : expansion.PopulationExcessLoss(m, law))];
                csv.Append(c, $"\"{name}\",{skip:R},{exponent.Order},{exponent.Coefficient:R},{(exponent.IsAttractive ? "true" : "false")},");
                csv.Append(c, $"{exponent.Coefficients[1]:R},{exponent.Coefficients[2]:R},{exponent.Coefficients[3]:R},{exponent.Coefficients[4]:R},{loss[0]:R},{loss[1]:R},{loss[2]:R}\n");
                rows.Add([name, skipName, exponent.Order.ToString(c), exponent.Coefficient.ToString("+0.0000;−0.0000", c),
                    exponent.IsAttractive ? "attractive" : "repulsive", loss[0].ToString("F4", c), loss[2].ToString("F4", c)]);
            }
        File.WriteAllText(Path.Combine(folder, "exponents.csv"), csv.ToString());
        return new ResultTable(string.Create(c, $"information exponent k* and sign ({activation.Name}, t = {settings.Time:G3}); E Φ_s by quadrature at overlap 0 and 1"),
            ["spike", "s", "k*", "C_k*", "sign", "E Φ (m = 0)", "E Φ (m = 1)"], rows);
    }

    static SpikeStatistics Cumulant(LatentLaw law) => new(0, 1, law.Kappa3, law.Kappa4);

    static double LatentExpectation(LatentLaw law, Func<double, double> f, double scale) => law.Expectation(y => f(scale * y));

    /// <summary>
    /// The exact statistics of y = (a₁ − a₀)/√2 for a₁ = λ, a₀ = sign(λ)|ν′| (V = 1): y = σ·D/√2 with a uniform sign σ
    /// independent of D = |λ| − |ν′|, so odd cumulants vanish and the even moments follow from E|λ|ʲ and E|ν|ʲ.
    /// </summary>
    internal static SpikeStatistics CorrelatedDirection(LatentLaw law)
    {
        double[] lambda = [1, Math.Sqrt(2 / Math.PI), 1, 2 * Math.Sqrt(2 / Math.PI), 3];
        double[] nu = [.. Enumerable.Range(0, 5).Select(j => law.Expectation(x => Math.Pow(Math.Abs(x), j)))];
        double Moment(int n)
        {
            double total = 0;
            for (int j = 0; j <= n; j++) total += Binomial(n, j) * lambda[j] * nu[n - j] * ((n - j) % 2 == 0 ? 1 : -1);
            return total / Math.Pow(2, n / 2.0);
        }
        double m2 = Moment(2), m4 = Moment(4);
        return new SpikeStatistics(0, m2, 0, m4 - 3 * m2 * m2);
    }

    static double CorrelatedExpectation(LatentLaw law, Func<double, double> f) =>
        new GaussianLatentLaw().Expectation(l => law.Expectation(n =>
        {
            double d = (Math.Abs(l) - Math.Abs(n)) / Math.Sqrt(2);
            return 0.5 * (f(d) + f(-d));
        }));

    static double Binomial(int n, int k)
    {
        double result = 1;
        for (int i = 1; i <= k; i++) result = result * (n - k + i) / i;
        return result;
    }
}
