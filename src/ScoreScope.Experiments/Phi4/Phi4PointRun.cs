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
/// One coupling point of <c>reproduce phi4</c>: HMC configurations, the min–max normalisation of the paper, a U-Net
/// (circular padding) trained on the normalised fields under VE g(t) = σ^t, generation with Euler–Maruyama (the paper's
/// sampler, uniform grid from t = 1 to 0) and with Heun (probability flow, EDM grid to t_min = 10⁻³ and a final Tweedie
/// step), and the same observable code applied to all three ensembles in physical units.
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

        progress.Report($"{name}: training a U-Net ({settings.BaseChannels} channels, circular padding) for {settings.TrainingSteps} steps on {trainSet.shape[0]} configurations");
        var spec = ForwardProcessSpec.VarianceExplodingDiffusionBase(settings.Sigma);
        var config = new ScoreModelConfig([1, size, size], spec,
            new UNetOptions(BaseChannels: settings.BaseChannels, ChannelMultipliers: [1, 2], CircularPadding: true), ParametrisationKind.Edm);
        var options = ExperimentTraining.Options(settings.TrainingSteps, settings.TrainBatchSize, settings.LearningRate,
            Seeds.Derive(settings.Seed, $"train-{name}"), evaluations: 10) with { HeldOutSize = (int)Math.Min(512, heldOut.shape[0]) };
        using var trainingData = new DatasetTrainingData(trainSet, heldOut, $"φ⁴ {name} HMC configurations (min–max normalised), {trainSet.shape[0]} fields");
        using var trainer = new Trainer(config, options, trainingData);
        string modelFolder = Directory.CreateDirectory(Path.Combine(folder, $"model-{name}")).FullName;
        var result = trainer.Run(modelFolder, cancellationToken: cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        double heldOutLoss = result.LastMetrics?.HeldOutLossEma ?? double.NaN;
        seconds["training"] = Lap(clock);

        var model = trainer.EmaModel;
        var process = model.Process;
        progress.Report($"{name}: generating {settings.GeneratedSamples} fields with Euler–Maruyama ({settings.EulerMaruyamaSteps} steps) and Heun ({settings.HeunSteps} steps)");
        var uniform = Enumerable.Range(0, settings.EulerMaruyamaSteps + 1).Select(i => 1.0 - (double)i / settings.EulerMaruyamaSteps).ToArray();
        uniform[^1] = 0;
        // The paper's figure: site cumulants of the (normalised) field along the backward process, against the forward
        // law κ_n(t) = a(t)ⁿκ_n(0) + δ_{n2}b(t)² of the HMC data (what an exact reverse process reproduces at every t).
        int recordEvery = Math.Max(1, settings.EulerMaruyamaSteps / 50);
        // Blocks of independent generated fields for the errors (at least 16 blocks even for small runs); no bootstrap.
        var cumulantOptions = new CumulantOptions(TargetBlocks: 16, MinimumBlockSize: Math.Max(1, settings.GeneratedSamples / 32), BootstrapReplicates: 0);
        var recorder = new CumulantRecorder(CumulantObservable.Site, i => i % recordEvery == 0, cumulantOptions);
        var eulerMaruyama = Generate(new EulerMaruyamaSampler(), model, process, uniform, denoise: false, settings, $"em-{name}", cancellationToken,
            step => recorder.Record(step.Index, step.Time, step.X));
        recorder.Record(settings.EulerMaruyamaSteps, 0, eulerMaruyama);
        var hmcSite = SampleCumulants.Site(normalised, cumulantOptions with { MinimumBlockSize = Math.Max(1, normalised.shape[0] / 32) });
        var initial = Enumerable.Range(1, CentralMoments.MaxOrder).Select(n => hmcSite.Kappa(n).Value).ToArray();
        var track = recorder.ToTrack(t => ForwardCumulantLaw.Predict(process, t, initial));
        File.WriteAllText(Path.Combine(folder, $"backward-cumulants-{name}.csv"), track.ToCsv());
        CumulantTrackPlot.WriteTracks(Path.Combine(folder, $"backward-cumulants-{name}.png"),
            [.. new[] { 2, 4, 6, 8 }.Select(n => Series(track, n))],
            $"φ⁴ {name}, EM backward (line: forward law of HMC)");
        seconds["euler-maruyama"] = Lap(clock);
        var heun = Generate(new ProbabilityFlowHeunSampler(), model, process, TimeGrid.Karras(process, settings.HeunSteps, TimeGrid.DefaultMinimumTime),
            denoise: true, settings, $"heun-{name}", cancellationToken);
        seconds["heun"] = Lap(clock);
        NpyFile.Write(Path.Combine(folder, $"em-{name}.npy"), eulerMaruyama.squeeze(1).to_type(ScalarType.Float32));
        NpyFile.Write(Path.Combine(folder, $"heun-{name}.npy"), heun.squeeze(1).to_type(ScalarType.Float32));

        double[] Physical(Tensor generated) => generated.reshape(-1).data<double>().ToArray().Select(normalisation.Inverse).ToArray();
        var emFields = Physical(eulerMaruyama);
        var heunFields = Physical(heun);
        var emTable = LatticeObservables.Measure(new FieldEnsemble(emFields, lattice), action);
        var heunTable = LatticeObservables.Measure(new FieldEnsemble(heunFields, lattice), action);
        WriteObservables(Path.Combine(folder, $"observables-{name}.csv"), hmcTable, emTable, heunTable);
        TwoPointFunctionPlot.Series TwoPoint(string label, LatticeObservableTable table)
        {
            var rows = Enumerable.Range(0, settings.Size / 2 + 1).Select(r => table[$"G({r})"]).ToArray();
            return new(label, [.. rows.Select(e => e.Value)], [.. rows.Select(e => e.Error)]);
        }
        TwoPointFunctionPlot.Write(Path.Combine(folder, $"two-point-{name}.png"),
            [TwoPoint("HMC", hmcTable), TwoPoint("Euler–Maruyama", emTable), TwoPoint("Heun", heunTable)],
            string.Create(CultureInfo.InvariantCulture, $"{name} point (κ = {kappa}, λ = {settings.Lambda}, L = {settings.Size}): connected G(r)"));
        WriteFigures(folder, name, normalised, eulerMaruyama, heun, fields, emFields, heunFields, volume);
        File.WriteAllText(Path.Combine(folder, $"normalisation-{name}.txt"), string.Create(CultureInfo.InvariantCulture,
            $"phi' = 2(phi - {normalisation.Minimum:R})/({normalisation.Maximum:R} - {normalisation.Minimum:R}) - 1\n"));
        seconds["measurement"] = Lap(clock);
        return new Phi4PointResult(name, kappa, settings.Lambda, hmcTable, emTable, heunTable, acceptance, heldOutLoss, seconds);
    }

    static CumulantTrackPlot.Series Series(CumulantTrack track, int order)
    {
        var points = track.OfOrder(order).OrderBy(p => p.Time).ToArray();
        return new CumulantTrackPlot.Series(order, [.. points.Select(p => p.Time)], [.. points.Select(p => p.Estimate.Value)],
            [.. points.Select(p => p.Estimate.StandardError)], [.. points.Select(p => p.Analytic)]);
    }

    static Tensor Generate(ISampler sampler, ScoreModel model, ForwardProcess process, double[] times, bool denoise, Phi4Settings settings,
        string stream, CancellationToken cancellationToken, Action<SamplerStep>? onStep = null)
    {
        var options = new SamplingOptions(Seeds.Derive(settings.Seed, stream)) { BatchSize = settings.SamplingBatchSize, DenoiseFinal = denoise, OnStep = onStep };
        return SamplerRunner.Sample(sampler, model, process, settings.GeneratedSamples, [1, settings.Size, settings.Size], times, options, cancellationToken);
    }

    static void WriteObservables(string path, LatticeObservableTable hmc, LatticeObservableTable em, LatticeObservableTable heun)
    {
        var csv = new StringBuilder("observable,hmc,hmc_error,hmc_tau_int,euler_maruyama,euler_maruyama_error,heun,heun_error\n");
        foreach (var row in hmc.Rows)
        {
            var e = em[row.Name];
            var h = heun[row.Name];
            csv.Append(CultureInfo.InvariantCulture, $"{row.Name},{row.Value:R},{row.Error:R},{row.TauInt:R},{e.Value:R},{e.Error:R},{h.Value:R},{h.Error:R}\n");
        }
        File.WriteAllText(path, csv.ToString());
    }

    static void WriteFigures(string folder, string name, Tensor hmcNormalised, Tensor em, Tensor heun, double[] hmcFields, double[] emFields,
        double[] heunFields, int volume)
    {
        int side = (int)hmcNormalised.shape[^1];
        float[] First(Tensor t) => t.narrow(0, 0, Math.Min(16, t.shape[0])).reshape(-1).to_type(ScalarType.Float32).data<float>().ToArray();
        ImageGridPlot.Write(Path.Combine(folder, $"snapshots-hmc-{name}.png"), First(hmcNormalised), side, -1, 1, columns: 8, maxImages: 16, zoom: Math.Max(2, 96 / side));
        ImageGridPlot.Write(Path.Combine(folder, $"snapshots-em-{name}.png"), First(em), side, -1, 1, columns: 8, maxImages: 16, zoom: Math.Max(2, 96 / side));
        ImageGridPlot.Write(Path.Combine(folder, $"snapshots-heun-{name}.png"), First(heun), side, -1, 1, columns: 8, maxImages: 16, zoom: Math.Max(2, 96 / side));

        double[] Magnetisations(double[] f) => Enumerable.Range(0, f.Length / volume).Select(i => f.AsSpan(i * volume, volume).ToArray().Average()).ToArray();
        var all = hmcFields.Concat(emFields).Concat(heunFields).ToArray();
        LinePlot.Write(Path.Combine(folder, $"histogram-phi-{name}.png"),
            [Histogram("HMC", hmcFields, all), Histogram("Euler–Maruyama", emFields, all), Histogram("Heun", heunFields, all)],
            $"site field φ, {name} point", "φ", "density");
        var mHmc = Magnetisations(hmcFields);
        var mEm = Magnetisations(emFields);
        var mHeun = Magnetisations(heunFields);
        var mAll = mHmc.Concat(mEm).Concat(mHeun).ToArray();
        LinePlot.Write(Path.Combine(folder, $"histogram-m-{name}.png"),
            [Histogram("HMC", mHmc, mAll), Histogram("Euler–Maruyama", mEm, mAll), Histogram("Heun", mHeun, mAll)],
            $"magnetisation M, {name} point", "M", "density");
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
