using ScoreScope.Processes;

namespace ScoreScope.Tests.Processes;

/// <summary>Every built-in forward process, for suites that check all implementations alike.</summary>
public static class ForwardProcessCases
{
    public static readonly IReadOnlyDictionary<string, Func<ForwardProcess>> All = new Dictionary<string, Func<ForwardProcess>>
    {
        ["ve-geometric"] = () => VarianceExplodingProcess.Geometric(0.01, 50),
        ["ve-power"] = () => VarianceExplodingProcess.WithDiffusionBase(10),
        ["vp-linear"] = () => VariancePreservingProcess.WithBetaRange(0.1, 20),
        ["vp-cosine"] = () => VariancePreservingProcess.Cosine(),
        ["vp-ou"] = () => VariancePreservingProcess.OrnsteinUhlenbeck(1.0),
        ["subvp-linear"] = () => SubVariancePreservingProcess.WithBetaRange(0.1, 20),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys) data.Add(name);
        return data;
    }
}
