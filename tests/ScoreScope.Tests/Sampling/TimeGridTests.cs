using ScoreScope.Processes;
using ScoreScope.Sampling;

namespace ScoreScope.Tests.Sampling;

public sealed class TimeGridTests
{
    static readonly ForwardProcess[] Processes =
    [
        VarianceExplodingProcess.Geometric(0.01, 100.0),
        VariancePreservingProcess.WithBetaRange(0.1, 20.0),
        VariancePreservingProcess.Cosine(),
        SubVariancePreservingProcess.WithBetaRange(),
    ];

    public static TheoryData<int, TimeGridKind> Grids()
    {
        var data = new TheoryData<int, TimeGridKind>();
        for (int p = 0; p < Processes.Length; p++)
            foreach (var kind in Enum.GetValues<TimeGridKind>()) data.Add(p, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void Every_grid_runs_strictly_down_from_T_to_t_min(int processIndex, TimeGridKind kind)
    {
        var process = Processes[processIndex];
        foreach (int steps in new[] { 1, 2, 7, 64 })
        {
            var times = TimeGrid.Create(kind, process, steps, 1e-3);
            Assert.Equal(steps + 1, times.Length);
            Assert.Equal(process.EndTime, times[0]);
            Assert.Equal(1e-3, times[^1]);
            for (int i = 1; i < times.Length; i++) Assert.True(times[i] < times[i - 1], $"{kind} grid of {process} not decreasing at {i}: {times[i - 1]} → {times[i]}");
            SamplerMath.ThrowIfInvalidTimes(process, times);
        }
    }

    [Fact]
    public void Uniform_grid_has_equal_steps()
    {
        var times = TimeGrid.Uniform(VariancePreservingProcess.WithBetaRange(), 4, 0.2);
        Assert.Equal(new[] { 1.0, 0.8, 0.6, 0.4, 0.2 }, times.Select(t => Math.Round(t, 14)));
    }

    [Fact]
    public void Log_spaced_grid_has_equal_time_ratios()
    {
        var times = TimeGrid.LogSpaced(VariancePreservingProcess.WithBetaRange(), 6, 1e-3);
        for (int i = 1; i < times.Length; i++) Assert.Equal(Math.Pow(1e-3, 1.0 / 6), times[i] / times[i - 1], 12);
    }

    [Fact]
    public void Geometric_grid_has_equal_noise_to_signal_ratios()
    {
        var process = VariancePreservingProcess.WithBetaRange();
        var times = TimeGrid.Geometric(process, 5, 1e-3);
        double ratio = Math.Pow(process.NoiseToSignal(1e-3) / process.NoiseToSignal(1.0), 1.0 / 5);
        for (int i = 1; i < times.Length; i++)
            Assert.Equal(ratio, process.NoiseToSignal(times[i]) / process.NoiseToSignal(times[i - 1]), 9);
    }

    [Fact]
    public void Karras_grid_follows_equation_5_of_Karras_et_al()
    {
        // σ_i = (σ_max^{1/ρ} + i/(N)(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ, here with N steps and σ(t_N) = σ_min
        var process = VarianceExplodingProcess.Geometric(0.01, 100.0);
        const int Steps = 10;
        const double Rho = 7;
        var times = TimeGrid.Karras(process, Steps, 1e-3, Rho);
        double sMax = process.NoiseToSignal(1.0), sMin = process.NoiseToSignal(1e-3);
        for (int i = 0; i <= Steps; i++)
        {
            double expected = Math.Pow(Math.Pow(sMax, 1 / Rho) + (double)i / Steps * (Math.Pow(sMin, 1 / Rho) - Math.Pow(sMax, 1 / Rho)), Rho);
            Assert.Equal(1.0, process.NoiseToSignal(times[i]) / expected, 9);
        }
    }

    [Theory]
    [InlineData(0, 1e-3)]
    [InlineData(10, 0.0)]
    [InlineData(10, 1.0)]
    [InlineData(10, -1e-3)]
    [InlineData(10, double.NaN)]
    public void Invalid_steps_or_final_time_are_rejected(int steps, double minimumTime)
    {
        var process = VariancePreservingProcess.WithBetaRange();
        foreach (var kind in Enum.GetValues<TimeGridKind>())
            Assert.Throws<ArgumentOutOfRangeException>(() => TimeGrid.Create(kind, process, steps, minimumTime));
    }

    [Fact]
    public void A_start_time_replaces_T_and_the_uniform_grid_is_its_closed_form()
    {
        var process = VariancePreservingProcess.WithBetaRange();
        foreach (var kind in Enum.GetValues<TimeGridKind>())
        {
            var times = TimeGrid.Create(kind, process, 10, 1e-3, startTime: 0.4);
            Assert.Equal(11, times.Length);
            Assert.Equal(0.4, times[0]);
            Assert.Equal(1e-3, times[^1]);
            for (int i = 1; i < times.Length; i++) Assert.True(times[i] < times[i - 1], $"{kind}: times[{i}] = {times[i]} ≥ times[{i - 1}]");
            Assert.Equal(TimeGrid.Create(kind, process, 10, 1e-3), TimeGrid.Create(kind, process, 10, 1e-3, startTime: process.EndTime));
        }
        var uniform = TimeGrid.Uniform(process, 4, 0.1, startTime: 0.5);
        Assert.Equal([0.5, 0.4, 0.3, 0.2, 0.1], uniform.Select(t => Math.Round(t, 14)));
        foreach (double bad in new[] { 1e-3, 5e-4, 1.2, double.NaN })
            Assert.Throws<ArgumentOutOfRangeException>(() => TimeGrid.Create(TimeGridKind.Karras, process, 10, 1e-3, startTime: bad));
    }

    [Fact]
    public void Invalid_time_grids_are_rejected_by_samplers()
    {
        var process = VariancePreservingProcess.WithBetaRange();
        Assert.Throws<ArgumentException>(() => SamplerMath.ThrowIfInvalidTimes(process, [1.0]));
        Assert.Throws<ArgumentException>(() => SamplerMath.ThrowIfInvalidTimes(process, [1.0, 0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => SamplerMath.ThrowIfInvalidTimes(process, [0.5, 0.7]));
        Assert.Throws<ArgumentException>(() => SamplerMath.ThrowIfInvalidTimes(process, [1.5, 0.5]));
        Assert.Throws<ArgumentException>(() => SamplerMath.ThrowIfInvalidTimes(process, [1.0, -0.1]));
        var error = Assert.Throws<ArgumentException>(() => SamplerMath.ThrowIfInvalidTimes(process, [1.0, 0.2, 0.3]));
        Assert.Contains("times[1] = 0.2", error.Message);
    }
}
