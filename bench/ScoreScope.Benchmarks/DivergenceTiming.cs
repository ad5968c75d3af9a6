using System.Diagnostics;
using System.Globalization;
using ScoreScope.Likelihood;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Benchmarks;

/// <summary>
/// <c>divergence-timing</c>: seconds per proposal and ODE evaluation of the exact divergence of the lattice U-Net of
/// <c>reproduce phi4</c> (quick preset: L = 8, 16 channels, multipliers [1, 2], circular padding, EDM, VE σ = 25), for
/// the per-coordinate loop (one forward, V vector–Jacobian products over the batch) and the replicated batch
/// (<see cref="ScoreDivergence"/>: B·V rows, one forward and one backward per chunk). Options: <c>--size</c> (8),
/// <c>--batch</c> (256), <c>--threads</c> (2), <c>--repetitions</c> (3), <c>--rows</c> (chunk sizes, comma-separated), <c>--frozen</c> (parameters without gradients), <c>--skip-loop</c>.
/// </summary>
static class DivergenceTiming
{
    public static int Run(string[] args)
    {
        int size = (int)Option(args, "--size", 8);
        long batch = Option(args, "--batch", 256);
        int threads = (int)Option(args, "--threads", 2);
        int repetitions = (int)Option(args, "--repetitions", 3);
        int index = Array.IndexOf(args, "--rows");
        long[] chunkRows = index >= 0 ? args[index + 1].Split(',').Select(long.Parse).ToArray() : [1024, 4096, 16384];
        set_num_threads(threads);
        var config = new ScoreModelConfig([1, size, size], ForwardProcessSpec.VarianceExplodingDiffusionBase(25),
            new UNetOptions(BaseChannels: 16, ChannelMultipliers: [1, 2], CircularPadding: true), ParametrisationKind.Edm, SigmaData: 0.5);
        using var model = ScoreModel.Create(config, seed: 1);
        using var generator = Seeds.Generator(2);
        using (no_grad())
        {
            foreach (var p in model.Network.parameters()) p.copy_(randn(p.shape, generator: generator).Multiply(0.1));
        }
        if (args.Contains("--frozen"))
        {
            foreach (var p in model.Network.parameters()) p.requires_grad_(false);
        }
        bool skipLoop = args.Contains("--skip-loop");
        using var x = randn([batch, 1, size, size], dtype: ScalarType.Float64, generator: generator);
        const double t = 0.3;
        double Time(Func<Tensor> f)
        {
            using (var scope = NewDisposeScope()) f(); // warm-up
            var best = double.PositiveInfinity;
            for (int r = 0; r < repetitions; r++)
            {
                using var scope = NewDisposeScope();
                var clock = Stopwatch.StartNew();
                f();
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }
            return best / batch;
        }
        Tensor reference = ScoreDivergence.ExactByCoordinates(model, x, t);
        double loop = skipLoop ? double.NaN : Time(() => ScoreDivergence.ExactByCoordinates(model, x, t));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"L = {size}, V = {size * size}, batch {batch}, {threads} thread(s): per-coordinate loop {loop:G3} s per proposal and evaluation"));
        foreach (long rows in chunkRows)
        {
            double batched = Time(() => ScoreDivergence.ScoreAndExactDivergence(model, x, t, rows).Divergence);
            using var d = ScoreDivergence.ScoreAndExactDivergence(model, x, t, rows).Divergence.squeeze(1);
            double difference = (d - reference).abs().max().item<double>() / reference.abs().max().item<double>();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  replicated batch, {rows} rows per pass: {batched:G3} s per proposal and evaluation ({loop / batched:F1}× faster); max relative difference {difference:G2}"));
        }
        reference.Dispose();
        return 0;
    }

    static long Option(string[] args, string name, long fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
