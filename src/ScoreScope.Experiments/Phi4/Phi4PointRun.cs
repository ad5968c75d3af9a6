using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScoreScope.Analysis;
using ScoreScope.Experiments.Plotting;
using ScoreScope.IO;
using ScoreScope.Lattice;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Sampling;
using ScoreScope.Scores;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Experiments.Phi4;

/// <summary>
/// One coupling point of <c>reproduce phi4</c>: HMC configurations, the min–max normalisation of the paper, for each
/// <see cref="Phi4Model"/> (VE g(t) = σ^t, the paper's, and VP with linear β for comparison) a U-Net (circular padding)
/// trained on the normalised fields with the same budget, generation with Euler–Maruyama (the paper's sampler, uniform
/// grid from t = 1 to 0) and with Heun (probability flow, EDM grid to t_min = 10⁻³ and a final Tweedie step), and the
/// same observable code applied to every ensemble in physical units.
/// </summary>
internal static class Phi4PointRun
{
    public static Phi4PointResult Run(string folder, Phi4Settings settings, string name, double kappa, bool orderedStart,
        IExperimentProgress progress, CancellationToken cancellationToken)
    {
        var seconds = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        var lattice = new HypercubicLattice(settings.Size, 2);
        var action = new PhiFourAction(lattice, new PhiFourCouplings(kappa, settings.Lambda));
        int volume = lattice.Volume, size = settings.Size;

        progress.Report(string.Create(CultureInfo.InvariantCulture,
            $"{name} (κ = {kappa}, λ = {settings.Lambda}, L = {size}): HMC, {settings.Chains} chains × {settings.ConfigurationsPerChain} configurations"));
        var hmc = new HybridMonteCarlo(action, settings.Chains, Seeds.Derive(settings.Seed, $"hmc-{name}"),
            new HmcOptions(settings.MdSteps, settings.Dt, MolecularDynamicsIntegrator.Leapfrog));
        if (orderedStart)
        {
            // Ordered start, alternating the Z₂ sector between chains: from N(0, 1) noise the broken phase forms domain
            // walls that live for hundreds of trajectories (τ_int ≈ 100; AlgorithmAgreementTests), and one sector per
            // chain keeps ⟨M⟩ = 0 over the ensemble as the symmetric action requires.
            for (int x = 0; x < volume; x++)
                for (int c = 0; c < settings.Chains; c++) hmc.Fields[x * settings.Chains + c] = c % 2 == 0 ? 1.0 : -1.0;
        }
        var fields = hmc.Collect(settings.Thermalisation, settings.Thinning, settings.ConfigurationsPerChain, cancellation: cancellationToken);
        double acceptance = hmc.Statistics().AcceptanceRate;
        var hmcTable = LatticeObservables.Measure(new FieldEnsemble(fields, lattice, settings.Chains), action);
        seconds["hmc"] = Lap(clock);

        var normalisation = FieldNormalisation.MinMax(fields);
        int trainChains = Math.Clamp((int)Math.Floor(settings.TrainFraction * settings.Chains), 1, settings.Chains - 1);
        int perChain = settings.ConfigurationsPerChain;
        using var scope = NewDisposeScope();
        var normalised = tensor(fields.Select(normalisation.Forward).ToArray(), [(long)settings.Chains * perChain, 1, size, size], ScalarType.Float64);
        var trainSet = normalised.narrow(0, 0, (long)trainChains * perChain);
        var heldOut = normalised.narrow(0, (long)trainChains * perChain, (long)(settings.Chains - trainChains) * perChain);
        NpyFile.Write(Path.Combine(folder, $"hmc-{name}.npy"), normalised.squeeze(1).to_type(ScalarType.Float32));
        var hmcSite = SampleCumulants.Site(normalised, Blocks(normalised.shape[0]));
        var initial = Enumerable.Range(1, CentralMoments.MaxOrder).Select(n => hmcSite.Kappa(n).Value).ToArray();

        var point = new Point(folder, settings, name, trainSet, heldOut, initial, normalisation, lattice, action, seconds, clock);
        var generated = Phi4Model.For(settings).Select(model => TrainAndGenerate(point, model, progress, cancellationToken)).ToList();

        WriteObservables(Path.Combine(folder, $"observables-{name}.csv"), hmcTable, generated);
        TwoPointFunctionPlot.Series TwoPoint(string label, LatticeObservableTable table)
        {
            var rows = Enumerable.Range(0, settings.Size / 2 + 1).Select(r => table[$"G({r})"]).ToArray();
            return new(label, [.. rows.Select(e => e.Value)], [.. rows.Select(e => e.Error)]);
        }
        TwoPointFunctionPlot.Write(Path.Combine(folder, $"two-point-{name}.png"),
            [TwoPoint("HMC", hmcTable), .. generated.SelectMany(g => new[]
            {
                TwoPoint($"{g.Model.Label} Euler–Maruyama", g.Result.EulerMaruyama), TwoPoint($"{g.Model.Label} Heun", g.Result.Heun),
            })],
            string.Create(CultureInfo.InvariantCulture, $"{name} point (κ = {kappa}, λ = {settings.Lambda}, L = {settings.Size}): connected G(r)"));
        WriteFigures(folder, name, normalised, fields, generated, volume);
        File.WriteAllText(Path.Combine(folder, $"normalisation-{name}.txt"), string.Create(CultureInfo.InvariantCulture,
            $"phi' = 2(phi - {normalisation.Minimum:R})/({normalisation.Maximum:R} - {normalisation.Minimum:R}) - 1\n"));
        seconds["measurement"] = Lap(clock);
        return new Phi4PointResult(name, kappa, settings.Lambda, hmcTable, [.. generated.Select(g => g.Result)], acceptance, seconds);
    }

    /// <summary>What every model of one point shares: the normalised HMC data, its cumulants, the lattice and the clock.</summary>
    sealed record Point(string Folder, Phi4Settings Settings, string Name, Tensor TrainSet, Tensor HeldOut, double[] InitialCumulants,
        FieldNormalisation Normalisation, HypercubicLattice Lattice, PhiFourAction Action,
        Dictionary<string, double> Seconds, Stopwatch Clock);

    /// <summary>One model's samples in physical units (for the histograms) and its observables.</summary>
    sealed record Generated(Phi4Model Model, Phi4ModelResult Result, double[] EulerMaruyamaFields, double[] HeunFields);

    /// <summary>
    /// Trains <paramref name="model"/> on the point's normalised fields and generates with Euler–Maruyama (recording the
    /// backward cumulants) and Heun; writes the model's checkpoint, samples, snapshots and backward-cumulant figure. Its
    /// tensors live in a dispose scope of their own; only arrays and observable tables leave it.
    /// </summary>
    static Generated TrainAndGenerate(Point point, Phi4Model model, IExperimentProgress progress, CancellationToken cancellationToken)
    {
        var (folder, settings, name) = (point.Folder, point.Settings, point.Name);
        using var scope = NewDisposeScope();
        progress.Report($"{name}: training the {model.Label} U-Net ({settings.BaseChannels} channels, circular padding) for {settings.TrainingSteps} steps on {point.TrainSet.shape[0]} configurations");
        var config = new ScoreModelConfig([1, settings.Size, settings.Size], model.Spec,
            new UNetOptions(BaseChannels: settings.BaseChannels, ChannelMultipliers: [1, 2], CircularPadding: true), ParametrisationKind.Edm);
        var options = ExperimentTraining.Options(settings.TrainingSteps, settings.TrainBatchSize, settings.LearningRate,
            Seeds.Derive(settings.Seed, model.Name("train", name)), evaluations: 10) with { HeldOutSize = (int)Math.Min(512, point.HeldOut.shape[0]) };
        using var trainingData = new DatasetTrainingData(point.TrainSet, point.HeldOut, $"φ⁴ {name} HMC configurations (min–max normalised), {point.TrainSet.shape[0]} fields");
        using var trainer = new Trainer(config, options, trainingData);
        string modelFolder = Directory.CreateDirectory(Path.Combine(folder, model.Name("model", name))).FullName;
        var result = trainer.Run(modelFolder, cancellationToken: cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        double heldOutLoss = result.LastMetrics?.HeldOutLossEma ?? double.NaN;
        point.Seconds[$"{model.Tag}training"] = Lap(point.Clock);

        var network = trainer.EmaModel;
        var process = network.Process;
        progress.Report($"{name}: generating {model.GeneratedSamples} fields from the {model.Label} model with Euler–Maruyama ({settings.EulerMaruyamaSteps} steps) and Heun ({settings.HeunSteps} steps)");
        var uniform = Enumerable.Range(0, settings.EulerMaruyamaSteps + 1).Select(i => 1.0 - (double)i / settings.EulerMaruyamaSteps).ToArray();
        uniform[^1] = 0;
        // The paper's figure: site cumulants of the (normalised) field along the backward process, against the forward
        // law κ_n(t) = a(t)ⁿκ_n(0) + δ_{n2}b(t)² of the HMC data (what an exact reverse process reproduces at every t).
        int recordEvery = Math.Max(1, settings.EulerMaruyamaSteps / 50);
        var recorder = new CumulantRecorder(CumulantObservable.Site, i => i % recordEvery == 0, Blocks(model.GeneratedSamples));
        var eulerMaruyama = Generate(new EulerMaruyamaSampler(), network, process, uniform, denoise: false, settings, model, model.Name("em", name), cancellationToken,
            step => recorder.Record(step.Index, step.Time, step.X));
        recorder.Record(settings.EulerMaruyamaSteps, 0, eulerMaruyama);
        var track = recorder.ToTrack(t => ForwardCumulantLaw.Predict(process, t, point.InitialCumulants));
        File.WriteAllText(Path.Combine(folder, $"{model.Name("backward-cumulants", name)}.csv"), track.ToCsv());
        CumulantTrackPlot.WriteTracks(Path.Combine(folder, $"{model.Name("backward-cumulants", name)}.png"),
            [.. new[] { 2, 4, 6, 8 }.Select(n => Series(track, n))],
            $"φ⁴ {name}, {model.Label} EM backward (line: forward law of HMC)");
        point.Seconds[$"{model.Tag}euler-maruyama"] = Lap(point.Clock);
        var heun = Generate(new ProbabilityFlowHeunSampler(), network, process, TimeGrid.Karras(process, settings.HeunSteps, TimeGrid.DefaultMinimumTime),
            denoise: true, settings, model, model.Name("heun", name), cancellationToken);
        point.Seconds[$"{model.Tag}heun"] = Lap(point.Clock);
        NpyFile.Write(Path.Combine(folder, $"{model.Name("em", name)}.npy"), eulerMaruyama.squeeze(1).to_type(ScalarType.Float32));
        NpyFile.Write(Path.Combine(folder, $"{model.Name("heun", name)}.npy"), heun.squeeze(1).to_type(ScalarType.Float32));
        WriteSnapshots(Path.Combine(folder, $"snapshots-{model.Name("em", name)}.png"), eulerMaruyama);
        WriteSnapshots(Path.Combine(folder, $"snapshots-{model.Name("heun", name)}.png"), heun);

        double[] Physical(Tensor generated) => generated.reshape(-1).data<double>().ToArray().Select(point.Normalisation.Inverse).ToArray();
        var emFields = Physical(eulerMaruyama);
        var heunFields = Physical(heun);
        var emTable = LatticeObservables.Measure(new FieldEnsemble(emFields, point.Lattice), point.Action);
        var heunTable = LatticeObservables.Measure(new FieldEnsemble(heunFields, point.Lattice), point.Action);
        return new Generated(model, new Phi4ModelResult(model.Label, emTable, heunTable, heldOutLoss), emFields, heunFields);
    }

    static CumulantTrackPlot.Series Series(CumulantTrack track, int order)
    {
        var points = track.OfOrder(order).OrderBy(p => p.Time).ToArray();
        return new CumulantTrackPlot.Series(order, [.. points.Select(p => p.Time)], [.. points.Select(p => p.Estimate.Value)],
            [.. points.Select(p => p.Estimate.StandardError)], [.. points.Select(p => p.Analytic)]);
    }

    static Tensor Generate(ISampler sampler, ScoreModel network, ForwardProcess process, double[] times, bool denoise, Phi4Settings settings,
        Phi4Model model, string stream, CancellationToken cancellationToken, Action<SamplerStep>? onStep = null)
    {
        var options = new SamplingOptions(Seeds.Derive(settings.Seed, stream)) { BatchSize = settings.SamplingBatchSize, DenoiseFinal = denoise, OnStep = onStep };
        return SamplerRunner.Sample(sampler, network, process, model.GeneratedSamples, [1, settings.Size, settings.Size], times, options, cancellationToken);
    }

    /// <summary>Cumulant errors from blocks of <paramref name="count"/> samples (at least 16 blocks even for small runs); no bootstrap.</summary>
    static CumulantOptions Blocks(long count) => new(TargetBlocks: 16, MinimumBlockSize: Math.Max(1, count / 32), BootstrapReplicates: 0);

    static void WriteObservables(string path, LatticeObservableTable hmc, IReadOnlyList<Generated> generated)
    {
        var csv = new StringBuilder("observable,hmc,hmc_error,hmc_tau_int");
        foreach (var g in generated)
            csv.Append(CultureInfo.InvariantCulture, $",{g.Model.Column}euler_maruyama,{g.Model.Column}euler_maruyama_error,{g.Model.Column}heun,{g.Model.Column}heun_error");
        csv.Append('\n');
        foreach (var row in hmc.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Name},{row.Value:R},{row.Error:R},{row.TauInt:R}");
            foreach (var g in generated)
            {
                var e = g.Result.EulerMaruyama[row.Name];
                var h = g.Result.Heun[row.Name];
                csv.Append(CultureInfo.InvariantCulture, $",{e.Value:R},{e.Error:R},{h.Value:R},{h.Error:R}");
            }
            csv.Append('\n');
        }
        File.WriteAllText(path, csv.ToString());
    }

    /// <summary>The first 16 fields of <paramref name="normalised"/> (N × 1 × L × L, in [−1, 1]) as an image grid.</summary>
    static void WriteSnapshots(string path, Tensor normalised)
    {
        int side = (int)normalised.shape[^1];
        var first = normalised.narrow(0, 0, Math.Min(16, normalised.shape[0])).reshape(-1).to_type(ScalarType.Float32).data<float>().ToArray();
        ImageGridPlot.Write(path, first, side, -1, 1, columns: 8, maxImages: 16, zoom: Math.Max(2, 96 / side));
    }

    static void WriteFigures(string folder, string name, Tensor hmcNormalised, double[] hmcFields, IReadOnlyList<Generated> generated, int volume)
    {
        WriteSnapshots(Path.Combine(folder, $"snapshots-hmc-{name}.png"), hmcNormalised);
        var ensembles = new List<(string Label, double[] Fields)> { ("HMC", hmcFields) };
        foreach (var g in generated)
        {
            ensembles.Add(($"{g.Model.Label} Euler–Maruyama", g.EulerMaruyamaFields));
            ensembles.Add(($"{g.Model.Label} Heun", g.HeunFields));
        }
        double[] Magnetisations(double[] f) => Enumerable.Range(0, f.Length / volume).Select(i => f.AsSpan(i * volume, volume).ToArray().Average()).ToArray();
        var all = ensembles.SelectMany(e => e.Fields).ToArray();
        LinePlot.Write(Path.Combine(folder, $"histogram-phi-{name}.png"),
            [.. ensembles.Select(e => Histogram(e.Label, e.Fields, all))], $"site field φ, {name} point", "φ", "density");
        var magnetisations = ensembles.Select(e => (e.Label, M: Magnetisations(e.Fields))).ToList();
        var mAll = magnetisations.SelectMany(m => m.M).ToArray();
        LinePlot.Write(Path.Combine(folder, $"histogram-m-{name}.png"),
            [.. magnetisations.Select(m => Histogram(m.Label, m.M, mAll))], $"magnetisation M, {name} point", "M", "density");
    }

    /// <summary>A normalised 60-bin histogram over the range of <paramref name="range"/> (bin centres, densities).</summary>
    static (string, double[], double[]) Histogram(string label, double[] values, double[] range)
    {
        const int bins = 60;
        double lo = range.Min(), hi = range.Max(), width = (hi - lo) / bins;
        if (!(width > 0)) width = 1;
        var counts = new double[bins];
        foreach (double v in values) counts[Math.Clamp((int)((v - lo) / width), 0, bins - 1)]++;
        return (label, Enumerable.Range(0, bins).Select(i => lo + (i + 0.5) * width).ToArray(), counts.Select(c => c / (values.Length * width)).ToArray());
    }

    static double Lap(Stopwatch clock)
    {
        double s = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return s;
    }
}
