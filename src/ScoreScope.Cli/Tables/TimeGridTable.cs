using ScoreScope.Processes;
using ScoreScope.Sampling;

namespace ScoreScope.Cli.Tables;

/// <summary>The values of <c>--grid</c>, mapped to library time grids (<see cref="TimeGrid"/>).</summary>
public static class TimeGridTable
{
    /// <summary>Valid names, in help order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["uniform", "geometric", "edm"];

    /// <summary>
    /// The grid named <paramref name="name"/> from T down to <paramref name="minimumTime"/>: uniform in t, geometric in
    /// σ = b/a, or EDM's ρ = 7 spacing in σ (Karras et al. 2022, Eq. 5).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown name, steps &lt; 1 or t_min outside (0, T).</exception>
    public static double[] Create(string name, ForwardProcess process, int steps, double minimumTime, double? startTime = null) =>
        TimeGrid.Create(Kind(name), process, steps, minimumTime, startTime: startTime);

    static TimeGridKind Kind(string name) => name switch
    {
        "uniform" => TimeGridKind.Uniform,
        "geometric" => TimeGridKind.Geometric,
        "edm" => TimeGridKind.Karras,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown grid '{name}'; valid: {string.Join(", ", Names)}"),
    };
}
