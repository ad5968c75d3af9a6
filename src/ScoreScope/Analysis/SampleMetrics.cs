using System.Globalization;
using System.Text.Json.Nodes;
using ScoreScope.Data;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// The metrics of a sample set against fresh true samples (and exact moments where the data has them): mean and
/// covariance errors with standard errors, the energy distance with its permutation p-value, the sliced
/// Wasserstein-2 distance next to its data-vs-data baseline, and mode occupancy for Gaussian mixtures. Produces the
/// <c>metrics.json</c> document and the rows of the printed table.
/// </summary>
public sealed class SampleMetrics
{
    /// <summary>Permutations of the energy-distance test.</summary>
    public const int Permutations = 500;

    /// <summary>Random directions of the sliced Wasserstein estimate.</summary>
    public const int Directions = 128;

    SampleMetrics(JsonObject json, IReadOnlyList<MetricRow> rows)
    {
        Json = json;
        Rows = rows;
    }

    /// <summary>The <c>metrics.json</c> document.</summary>
    public JsonObject Json { get; }

    /// <summary>One row per metric, for the printed table.</summary>
    public IReadOnlyList<MetricRow> Rows { get; }

    /// <summary>
    /// Computes the metrics of <paramref name="samples"/> against <paramref name="reference"/> (fresh true samples) and,
    /// for the sliced Wasserstein baseline, <paramref name="baseline"/> (a second independent set of true samples).
    /// </summary>
    public static SampleMetrics Compute(Tensor samples, Tensor reference, Tensor baseline, ExactDistribution data, ulong seed)
    {
        var json = new JsonObject
        {
            ["samples"] = samples.shape[0],
            ["reference-samples"] = reference.shape[0],
            ["reference"] = "fresh samples of the data distribution drawn with seed Seeds.Derive(seed, \"reference-samples\")",
        };
        var rows = new List<MetricRow>();

        bool exactMean = data.Mean is not null;
        var mean = exactMean ? SampleMoments.MeanError(samples, data.Mean!) : SampleMoments.MeanDifference(samples, reference);
        json["mean-error"] = EstimatesJson(mean, exactMean ? "exact mean" : "reference-sample mean");
        rows.Add(new MetricRow("mean error", F(mean.Max(e => Math.Abs(e.Value))),
            $"max |x̄ − μ|, {mean.Length} coords; max |z| {F(MaxAbsZ(mean), 2)} ({(exactMean ? "exact μ" : "vs reference")})"));

        bool exactCovariance = data.Covariance is not null;
        var covariance = exactCovariance
            ? SampleMoments.CovarianceError(samples, data.Covariance!)
            : SampleMoments.CovarianceDifference(samples, reference);
        var upper = UpperTriangle(covariance);
        json["covariance-error"] = CovarianceJson(covariance, exactCovariance ? "exact covariance" : "reference-sample covariance");
        rows.Add(new MetricRow("covariance error", F(upper.Max(e => Math.Abs(e.Value))),
            $"max |Ĉ − Σ|, {upper.Length} entries; max |z| {F(MaxAbsZ(upper), 2)} ({(exactCovariance ? "exact Σ" : "vs reference")})"));

        var energy = EnergyDistanceTest.Run(samples, reference, Seeds.Derive(seed, "energy-distance"), Permutations);
        json["energy-distance"] = new JsonObject
        {
            ["statistic"] = Number(energy.Statistic),
            ["p-value"] = Number(energy.PValue),
            ["permutations"] = energy.Permutations,
            ["samples-used"] = new JsonArray(energy.CountX, energy.CountY),
            ["test"] = "Székely–Rizzo energy distance (V-statistic), permutation p-value; H0: samples ~ data",
        };
        rows.Add(new MetricRow("energy distance", F(energy.Statistic),
            $"permutation p = {F(energy.PValue, 3)} ({energy.CountX} vs {energy.CountY})"));

        var sw = SlicedWasserstein.Compute(samples, reference, Seeds.Derive(seed, "sliced-wasserstein"), Directions);
        var swBaseline = SlicedWasserstein.Compute(baseline, reference, Seeds.Derive(seed, "sliced-wasserstein"), Directions);
        json["sliced-wasserstein"] = new JsonObject
        {
            ["value"] = Number(sw.Value),
            ["standard-error"] = Number(sw.StandardError),
            ["directions"] = sw.Count,
            ["data-baseline"] = Number(swBaseline.Value),
            ["note"] = "SW2 to the reference set; data-baseline is SW2 between two independent true sample sets of the same sizes (the finite-sample floor)",
        };
        rows.Add(new MetricRow("sliced W2", $"{F(sw.Value, 3)} ± {F(sw.StandardError, 2)}",
            $"data-vs-data floor {F(swBaseline.Value, 3)}"));

        var outliers = OutlierFraction.Compute(samples, reference, baseline);
        json["outliers"] = new JsonObject
        {
            ["radius"] = Number(outliers.Radius),
            ["count"] = outliers.Count,
            ["fraction"] = Number(outliers.Fraction),
            ["expected-fraction"] = Number(outliers.ExpectedFraction),
            ["max-sample-radius"] = Number(outliers.MaximumSampleRadius),
            ["definition"] = "samples farther from c than every reference point (R = max |y − c| over the reference set, c the mean of the independent baseline set); a true sample lies beyond R with probability exactly 1/(n + 1)",
        };
        rows.Add(new MetricRow("outliers", $"{outliers.Count} ({F(outliers.Fraction, 3)})",
            $"beyond radius {F(outliers.Radius, 3)} of the data; true samples: {F(outliers.ExpectedFraction, 2)}; max radius {F(outliers.MaximumSampleRadius, 3)}"));

        if (data is GaussianMixtureDistribution mixture)
        {
            var occupancy = ModeOccupancy.Compute(mixture, samples);
            var z = occupancy.Select((e, k) => e.StandardScore(mixture.Weights[k])).ToArray();
            json["mode-occupancy"] = new JsonObject
            {
                ["modes"] = occupancy.Length,
                ["expected"] = new JsonArray(mixture.Weights.Select(w => (JsonNode?)Number(w)).ToArray()),
                ["values"] = new JsonArray(occupancy.Select(e => (JsonNode?)EstimateJson(e)).ToArray()),
                ["max-abs-z"] = Number(z.Max(Math.Abs)),
                ["assignment"] = "each sample to its most likely mixture component",
            };
            rows.Add(new MetricRow("mode occupancy", $"{F(occupancy.Min(e => e.Value), 3)} … {F(occupancy.Max(e => e.Value), 3)}",
                $"{occupancy.Length} modes; max |z| {F(z.Max(Math.Abs), 2)} vs weights"));
        }
        return new SampleMetrics(json, rows);
    }

    static JsonObject EstimatesJson(Estimate[] estimates, string against) => new()
    {
        ["against"] = against,
        ["values"] = new JsonArray(estimates.Select(e => (JsonNode?)EstimateJson(e)).ToArray()),
        ["max-abs-z"] = Number(MaxAbsZ(estimates)),
    };

    static JsonObject CovarianceJson(Estimate[,] estimates, string against)
    {
        int d = estimates.GetLength(0);
        var rows = new JsonArray();
        for (int i = 0; i < d; i++)
        {
            rows.Add(new JsonArray(Enumerable.Range(0, d).Select(j => (JsonNode?)EstimateJson(estimates[i, j])).ToArray()));
        }
        return new JsonObject
        {
            ["against"] = against,
            ["values"] = rows,
            ["max-abs-z"] = Number(MaxAbsZ(UpperTriangle(estimates))),
            ["frobenius-norm"] = Number(Math.Sqrt(estimates.Cast<Estimate>().Sum(e => e.Value * e.Value))),
        };
    }

    static JsonObject EstimateJson(Estimate e) => new()
    {
        ["value"] = Number(e.Value),
        ["standard-error"] = Number(e.StandardError),
    };

    static Estimate[] UpperTriangle(Estimate[,] m)
    {
        int d = m.GetLength(0);
        var list = new List<Estimate>();
        for (int i = 0; i < d; i++)
        {
            for (int j = i; j < d; j++)
            {
                list.Add(m[i, j]);
            }
        }
        return [.. list];
    }

    static double MaxAbsZ(IEnumerable<Estimate> estimates) =>
        estimates.Select(e => Math.Abs(e.StandardScore())).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();

    /// <summary>A JSON number, or null for NaN/∞ (JSON has no such numbers).</summary>
    static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    static string F(double value, int digits = 4) =>
        double.IsFinite(value) ? value.ToString("G" + digits, CultureInfo.InvariantCulture) : "n/a";
}
