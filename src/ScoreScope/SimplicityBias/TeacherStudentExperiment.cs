using ScoreScope.Data.MixedCumulant;
using ScoreScope.Numerics;

namespace ScoreScope.SimplicityBias;

/// <summary>
/// Runs many seeds of an online teacher–student denoiser on a mixed cumulant model together (one replica per seed,
/// replicas in parallel on up to <c>maxThreads</c> threads), logging order parameters on a log-spaced step grid.
/// </summary>
/// <remarks>
/// Bardone, Merger &amp; Goldt (2026), arXiv 2603.12901; DiffusionEasy2Hard <c>train.learning_experiment</c>. Streams:
/// replica k draws its initial weights and every training sample from <c>Seeds.Derive(seed, k)</c>; the three test sets
/// (data, Gaussian clone with the latent cross-covariance, trace-matched mean clone) come from
/// <c>Seeds.Derive(seed, "test-sets")</c> and are shared by all replicas. Each stream is a <see cref="Xoshiro256Random"/> seeded with that value (a seeded <see cref="Random"/> until
/// the single-neuron step was made ≈ 2× faster; its normals are ziggurat draws since stop 26; each change altered results
/// statistically, not in law). Results do not depend on the thread count.
/// </remarks>
public static class TeacherStudentExperiment
{
    /// <summary>Trains <paramref name="replicas"/> seeds and returns one trace per seed, in seed order.</summary>
    /// <param name="model">The data law.</param>
    /// <param name="options">Architecture, optimiser, noise, steps, logging and escape options.</param>
    /// <param name="seed">The run seed; replica k uses <c>Seeds.Derive(seed, k)</c>.</param>
    /// <param name="replicas">The number of seeds, ≥ 1.</param>
    /// <param name="maxThreads">Replicas run in parallel on at most this many threads (results do not depend on it).</param>
    /// <param name="cancellationToken">Observed every 65 536 steps of each replica (a k* = 4 replica at d = 256 runs 10⁷
    /// steps for minutes); cancellation throws <see cref="OperationCanceledException"/>.</param>
    public static TeacherStudentTrace[] Run(MixedCumulantModel model, TeacherStudentOptions options, ulong seed, int replicas, int maxThreads = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (replicas < 1) throw new ArgumentOutOfRangeException(nameof(replicas), replicas, "must be ≥ 1.");
        if (maxThreads < 1) throw new ArgumentOutOfRangeException(nameof(maxThreads), maxThreads, "must be ≥ 1.");
        var testSets = options.TestSize == 0 ? null : TestSets(model, options.TestSize, Seeds.Derive(seed, "test-sets"));
        var traces = new TeacherStudentTrace[replicas];
        try
        {
            Parallel.For(0, replicas, new ParallelOptions { MaxDegreeOfParallelism = maxThreads, CancellationToken = cancellationToken },
                k => traces[k] = RunReplica(model, options, Seeds.Derive(seed, (ulong)k), testSets, cancellationToken));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellationToken);
        }
        return traces;
    }

    /// <summary>The mean ± SE over replicas of one order parameter (selected from each trace) at each logged step.</summary>
    public static SeedBand Band(IReadOnlyList<TeacherStudentTrace> traces, Func<TeacherStudentTrace, double[]> select)
    {
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentNullException.ThrowIfNull(select);
        var steps = traces.OrderByDescending(t => t.Steps.Length).First().Steps;
        var mean = new double[steps.Length];
        var se = new double[steps.Length];
        var count = new int[steps.Length];
        for (int j = 0; j < steps.Length; j++)
        {
            var values = traces.Where(t => t.Steps.Length > j).Select(t => select(t)[j]).ToArray();
            var stats = new MathNet.Numerics.Statistics.RunningStatistics(values);
            (mean[j], count[j]) = (stats.Mean, values.Length);
            se[j] = values.Length >= 2 ? stats.StandardDeviation / Math.Sqrt(values.Length) : double.NaN;
        }
        return new SeedBand(steps, mean, se, count);
    }

    static TeacherStudentTrace RunReplica(MixedCumulantModel model, TeacherStudentOptions options, ulong seed, (double[] A, double[] Z)[]? testSets,
        CancellationToken cancellationToken)
    {
        var random = new Xoshiro256Random(seed);
        var net = new TwoLayerDenoiser(model.Dimension, options, random);
        var grid = LogSpacedSteps.Grid(options.Steps, options.LogPoints);
        var spikes = Enum.GetValues<MixedCumulantSpike>();
        var steps = new List<long>();
        var overlaps = spikes.Select(_ => new List<double>()).ToArray();
        var skip = new List<double>();
        var losses = new[] { new List<double>(), new List<double>(), new List<double>() };
        long? escape = null;
        void Log(long step)
        {
            steps.Add(step);
            for (int s = 0; s < spikes.Length; s++) overlaps[s].Add(net.Overlap(model.Direction(spikes[s])));
            skip.Add(net.Skip);
            for (int l = 0; l < 3; l++) losses[l].Add(testSets is null ? double.NaN : net.TestLoss(testSets[l].A, testSets[l].Z));
        }
        Log(0);
        int next = 1;
        for (long step = 1; step <= options.Steps; step++)
        {
            if ((step & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            net.Step(model, random);
            bool stop = false;
            if (options.EscapeSpike is { } target && escape is null && net.Overlap(model.Direction(target)) >= options.EscapeThreshold)
            {
                escape = step;
                stop = options.StopAtEscape;
            }
            if (next < grid.Length && grid[next] == step) { Log(step); next++; }
            else if (stop) Log(step);
            if (stop) break;
        }
        return new TeacherStudentTrace([.. steps], [.. overlaps.Select(o => o.ToArray())], [.. skip],
            [.. losses[0]], [.. losses[1]], [.. losses[2]], escape);
    }

    static (double[] A, double[] Z)[] TestSets(MixedCumulantModel model, int size, ulong seed)
    {
        var random = new Xoshiro256Random(seed);
        IPointSampler[] samplers = [model, new GaussianClone(model, includeLatentCrossCovariance: true), MeanClone.TraceMatched(model)];
        int d = model.Dimension;
        return [.. samplers.Select(sampler =>
        {
            var a = new double[size * d];
            var z = new double[size * d];
            for (int k = 0; k < size; k++) sampler.Sample(a.AsSpan(k * d, d), random);
            StandardNormalDraws.Fill(random, z);
            return (a, z);
        })];
    }
}
