using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ScoreScope.Analysis;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Plotting;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Tables;
using ScoreScope.Cli.Terminal;
using ScoreScope.Correction;
using ScoreScope.Data;
using ScoreScope.Experiments;
using ScoreScope.IO;
using ScoreScope.Lattice;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Runs;
using ScoreScope.Sampling;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope correct</c>: makes a model's samples exact for a target with a known density. Proposals x = Φ(z) of the
/// probability-flow map carry their exact log q (<see cref="ProbabilityFlowProposals"/>); an independence
/// Metropolis–Hastings chain (<see cref="IndependenceMetropolisHastings"/>) and importance weights
/// (<see cref="ImportanceWeights"/>) correct them to the target smoothed to t_min. Reports acceptance, ESS, τ_int, the
/// raw and corrected observables against the exact ones, and with <c>--check</c> exits 3 when a corrected one fails.
/// </summary>
public sealed class CorrectCommand
{
    /// <summary>The targets with a closed-form density.</summary>
    public static IReadOnlyList<string> Targets { get; } = ["gmm8", "gaussian10"];

    readonly CliConsole _console;
    readonly RunFolderTarget _target = new("correct");
    readonly ScoreSourceOptions _source = new(
        "The proposing model (a 'scorescope train' run folder, or a model-<point> folder of 'reproduce phi4' for --target phi4:…); its own process is used.",
        $"Without --model: propose with the exact score of this distribution ({string.Join(", ", Targets)}) under the process options.");

    /// <summary>Creates the command writing through <paramref name="console"/>.</summary>
    public CorrectCommand(CliConsole console) => _console = console;

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var target = OptionFactory.Text("--target", $"The target with a known density: {string.Join(", ", Targets)} (its density smoothed to t_min is what the chain samples), or the lattice action e^(-S) {Phi4TargetSpec.Form}.");
        var count = OptionFactory.Integer("--n", "Number of proposals, ≥ 2.", 10_000);
        var seed = OptionFactory.Seed("--seed", "Seed of the prior draws and the Metropolis uniforms (default 0).");
        var minimumTime = OptionFactory.Number("--t-min", "t_min of the proposals and of the target's smoothed density, in (0, T).", TimeGrid.DefaultMinimumTime);
        var rtol = OptionFactory.Number("--rtol", "Relative tolerance of the Dormand–Prince 5(4) solve, > 0.", 1e-5);
        var atol = OptionFactory.Number("--atol", "Absolute tolerance of the Dormand–Prince 5(4) solve, > 0.", 1e-5);
        var batchSize = OptionFactory.Integer("--batch-size", "Proposals solved together, ≥ 1.", 2000);
        var check = OptionFactory.Switch("--check", "Exit with code 3 unless the corrected chain passes every claim (occupancy, mean, covariance within 4 SE).");
        var threads = CommonOptions.Threads();
        var verbose = CommonOptions.Verbose();
        var command = new Command("correct",
            "Correct a model's samples exactly: probability-flow proposals with their exact density, independence Metropolis–Hastings and " +
            "importance weights towards a target with a known density; writes chain.npy, weights.npy, metrics.json/csv, checks.csv, correction.png.");
        foreach (var option in new Option[] { target, _source.Model, _source.Data, count, seed, minimumTime, rtol, atol, batchSize, check })
            command.Options.Add(option);
        foreach (var option in _source.Process.All) command.Options.Add(option);
        foreach (var option in new Option[] { threads, _source.Device, _target.Out, _target.Force, verbose }) command.Options.Add(option);
        // The work runs on a pool thread so that System.CommandLine can observe Ctrl+C / SIGTERM meanwhile and cancel it.
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run("correct", _console, parseResult.GetValue(verbose), () =>
        {
            string targetName = parseResult.GetValue(target) ?? throw new UsageException($"--target is required: {string.Join(", ", Targets)}");
            bool lattice = Phi4TargetSpec.Matches(targetName);
            if (lattice) Phi4TargetSpec.Parse(targetName); // bad specs fail before anything is loaded
            else if (!Targets.Contains(targetName))
                throw new UsageException($"--target: unknown value '{targetName}'; valid: {string.Join(", ", Targets)}, {Phi4TargetSpec.Form}");
            string? modelFolder = _source.ModelFolder(parseResult), dataName = _source.DataName(parseResult);
            if ((modelFolder is null) == (dataName is null))
                throw new UsageException("give exactly one of --model (a trained model proposes) and --data (the exact score of a distribution proposes)");
            if (dataName is not null && !Targets.Contains(dataName))
                throw new UsageException($"--data: unknown value '{dataName}'; valid: {string.Join(", ", Targets)}");
            _source.CheckProcessNotWithModel(parseResult);
            int proposalCount = parseResult.GetValue(count);
            if (proposalCount < 2) throw new UsageException($"--n must be ≥ 2 (got {proposalCount})");
            double relative = parseResult.GetValue(rtol), absolute = parseResult.GetValue(atol);
            SettingChecks.PositiveFinite(relative, "--rtol");
            SettingChecks.PositiveFinite(absolute, "--atol");
            long batch = parseResult.GetValue(batchSize);
            if (batch < 1) throw new UsageException($"--batch-size must be ≥ 1 (got {batch})");
            ulong seedValue = parseResult.GetValue(seed);
            int threadCount = CommonOptions.CheckThreads(parseResult.GetValue(threads));
            var torchDevice = _source.ReadDevice(parseResult);
            var (folderName, replace) = _target.Check(parseResult);
            if (lattice)
            {
                if (modelFolder is null) throw new UsageException("--target phi4 needs --model (a model-<point> folder of 'reproduce phi4'); --data does not apply");
                if (parseResult.GetValue(check)) throw new UsageException("--check does not apply to --target phi4 (no closed-form observables; 'reproduce phi4' compares with HMC)");
                var request = new CorrectPhi4Job.Request(targetName, modelFolder, proposalCount, seedValue, parseResult.GetValue(minimumTime),
                    relative, absolute, batch, torchDevice, folderName, replace);
                return TorchThreads.With(threadCount, () => CorrectPhi4Job.Run(_console, request, cancellationToken));
            }
            var trainedRun = _source.OpenModel(parseResult);

            return TorchThreads.With(threadCount, () =>
            {
                using var scope = NewDisposeScope();
                var targetDistribution = DatasetTable.Create(targetName, "--target");
                using var ownedTarget = targetDistribution as IDisposable;
                var proposalDistribution = dataName is null ? null : DatasetTable.Create(dataName, "--data");
                using var ownedProposal = proposalDistribution as IDisposable;
                using var trained = ScoreSourceOptions.Load(trainedRun, torchDevice, "correct", _console);
                ForwardProcess process = _source.ProcessOf(parseResult, trained);
                long[] eventShape = trained?.Config.EventShape ?? proposalDistribution!.EventShape;
                if (!eventShape.SequenceEqual(targetDistribution.EventShape))
                    throw new UsageException($"--target {targetName} has points of shape [{string.Join(", ", targetDistribution.EventShape)}], the {(trained is null ? "--data distribution" : "model")} [{string.Join(", ", eventShape)}]; they must be equal");
                SettingChecks.FitsInMemory(proposalCount, eventShape, $"{proposalCount} proposals of {string.Join(" × ", eventShape)} values", "--n");
                double tMin = parseResult.GetValue(minimumTime);
                SettingChecks.TimeBeforeEnd(tMin, process.EndTime, "--t-min");
                IScoreFunction score = trained is not null ? trained : proposalDistribution!.ScoreFunction(process);

                var clock = Stopwatch.StartNew();
                var flow = new ProbabilityFlowProposals(score, process, tMin, new OdeTolerances(relative, absolute), batch);
                var proposals = flow.Draw(proposalCount, eventShape, Seeds.Derive(seedValue, "prior"), torchDevice, cancellationToken);
                double a = process.A(tMin), b = process.B(tMin);
                var points = proposals.Points.cpu();
                var logTarget = targetDistribution.LogDensity(points, a, b);
                var (_, chain, weights) = IndependenceMetropolisHastings.Correct(logTarget, proposals.LogDensity, seedValue,
                    "the model's flow left the target's support or the solve diverged; nothing was written");
                var states = points.index_select(0, tensor(chain.States.Select(i => (long)i).ToArray()));
                double seconds = clock.Elapsed.TotalSeconds;

                var claims = new ClaimReport();
                var metrics = new JsonObject
                {
                    ["proposals"] = proposalCount,
                    ["acceptance-rate"] = chain.AcceptanceRate,
                    ["importance-ess"] = weights.EffectiveSampleSize,
                    ["importance-ess-per-proposal"] = weights.EffectiveSampleSize / proposalCount,
                    ["log-mean-weight"] = weights.LogMeanWeight,
                    ["function-evaluations"] = proposals.FunctionEvaluations,
                    ["seconds"] = seconds,
                };
                double maxTau = 0.5;
                var exactMean = targetDistribution.Mean!.Multiply(a);
                long d = exactMean.shape[0];
                var exactCovariance = targetDistribution.Covariance!.Multiply(a * a).Add(eye(d, dtype: ScalarType.Float64).Multiply(b * b));
                double Worst(IEnumerable<double> z) => z.Select(Math.Abs).DefaultIfEmpty(0).Max();

                // Means: raw (independent proposals) and corrected (Γ-method over the chain).
                var rawMeans = ChainObservables.Means(points); // independent proposals: τ_int ≈ 1/2, the plain standard error
                var chainMeans = ChainObservables.Means(states);
                metrics["raw-mean-max-z"] = Worst(rawMeans.Select((e, i) => (e.Value - exactMean[i].item<double>()) / e.StandardError));
                metrics["corrected-mean-max-z"] = Worst(chainMeans.Select((e, i) => (e.Value - exactMean[i].item<double>()) / e.StandardError));
                for (int i = 0; i < d; i++)
                {
                    claims.AddWithinStandardErrors($"corrected mean x{i}", exactMean[i].item<double>(), chainMeans[i].Value, chainMeans[i].StandardError);
                    maxTau = Math.Max(maxTau, chainMeans[i].TauInt);
                }
                var chainCovariances = ChainObservables.Covariances(states);
                var rawCovariances = ChainObservables.Covariances(points);
                int entry = 0;
                var rawCovZ = new List<double>();
                var chainCovZ = new List<double>();
                for (int i = 0; i < d; i++)
                {
                    for (int j = i; j < d; j++, entry++)
                    {
                        double exact = exactCovariance[i, j].item<double>();
                        claims.AddWithinStandardErrors($"corrected covariance C{i}{j}", exact, chainCovariances[entry].Value, chainCovariances[entry].StandardError);
                        rawCovZ.Add((rawCovariances[entry].Value - exact) / rawCovariances[entry].StandardError);
                        chainCovZ.Add((chainCovariances[entry].Value - exact) / chainCovariances[entry].StandardError);
                        maxTau = Math.Max(maxTau, chainCovariances[entry].TauInt);
                    }
                }
                metrics["raw-covariance-max-z"] = Worst(rawCovZ);
                metrics["corrected-covariance-max-z"] = Worst(chainCovZ);
                if (targetDistribution is GaussianMixtureDistribution mixture)
                {
                    int modes = mixture.Components.Count;
                    var rawOccupancy = ModeOccupancy.Compute(mixture, points);
                    var chainOccupancy = ChainObservables.Occupancies(mixture.MostLikelyComponent(states), modes);
                    var modeWeights = mixture.Weights;
                    metrics["raw-occupancy-max-z"] = Worst(rawOccupancy.Select((e, k) => e.StandardError > 0 ? (e.Value - modeWeights[k]) / e.StandardError : double.PositiveInfinity));
                    metrics["corrected-occupancy-max-z"] = Worst(chainOccupancy.Select((e, k) => e.StandardError > 0 ? (e.Value - modeWeights[k]) / e.StandardError : double.PositiveInfinity));
                    for (int k = 0; k < modes; k++)
                    {
                        claims.AddWithinStandardErrors($"corrected occupancy of mode {k}", modeWeights[k], chainOccupancy[k].Value, chainOccupancy[k].StandardError);
                        if (double.IsFinite(chainOccupancy[k].TauInt)) maxTau = Math.Max(maxTau, chainOccupancy[k].TauInt);
                    }
                }
                metrics["tau-int-max"] = maxTau;
                metrics["chain-effective-samples"] = proposalCount / (2 * maxTau);
                metrics["seconds-per-effective-sample"] = seconds / (proposalCount / (2 * maxTau));
                metrics["checks-passed"] = claims.Claims.Count(c => c.Holds);
                metrics["checks"] = claims.Claims.Count;

                var config = new CorrectCommandOptions(targetName, trainedRun?.Folder, dataName, process.ToString() ?? process.GetType().Name,
                    proposalCount, seedValue, tMin, relative, absolute, batch);
                RunFolder.Write(folderName, replace, folder =>
                {
                    NpyFile.Write(Path.Combine(folder, "proposals.npy"), points);
                    NpyFile.Write(Path.Combine(folder, "log_proposal.npy"), proposals.LogDensity.cpu());
                    NpyFile.Write(Path.Combine(folder, "log_target.npy"), logTarget);
                    NpyFile.Write(Path.Combine(folder, "chain.npy"), states);
                    NpyFile.Write(Path.Combine(folder, "weights.npy"), weights.Normalised);
                    MetricsFiles.Write(folder, metrics);
                    claims.Write(folder);
                    using var referenceGenerator = Seeds.Generator(Seeds.Derive(seedValue, "reference"));
                    var reference = process.SampleMarginal(targetDistribution.Sample(Math.Min(proposalCount, 20_000), referenceGenerator), tMin, referenceGenerator);
                    var projection = PlaneProjection.Create(states, reference);
                    ScatterOverlayPlot.Write(Path.Combine(folder, "correction.png"), projection.Reference, projection.Samples,
                        $"{targetName}: Metropolis-corrected {(trained is null ? dataName + " flow" : "model")} (acceptance {chain.AcceptanceRate:F2})",
                        projection.XLabel, projection.YLabel);
                    ConfigJson.Write(folder, "correct", config, new Dictionary<string, string> { ["dimension"] = d.ToString(CultureInfo.InvariantCulture) });
                    return 0;
                }, CliRunFolders.Options(_console, "correct"));
                string F(string key, string format) => metrics[key] is JsonValue v ? v.GetValue<double>().ToString(format, CultureInfo.InvariantCulture) : "n/a";
                _console.Output.WriteLine(
                    $"{proposalCount} proposals ({(trained is null ? "exact score of " + dataName : "model " + modelFolder)}; {process}) → {targetName} at t_min = {tMin.ToString("G3", CultureInfo.InvariantCulture)}: " +
                    $"acceptance {F("acceptance-rate", "F3")}, importance ESS/N {F("importance-ess-per-proposal", "F3")}, τ_int ≤ {maxTau.ToString("F2", CultureInfo.InvariantCulture)}, NFE {proposals.FunctionEvaluations}; " +
                    $"max |z| raw → corrected: mean {F("raw-mean-max-z", "F1")} → {F("corrected-mean-max-z", "F1")}, covariance {F("raw-covariance-max-z", "F1")} → {F("corrected-covariance-max-z", "F1")}" +
                    (metrics.ContainsKey("raw-occupancy-max-z") ? $", occupancy {F("raw-occupancy-max-z", "F1")} → {F("corrected-occupancy-max-z", "F1")}" : "") +
                    $"; checks {claims.Claims.Count(c => c.Holds)}/{claims.Claims.Count}: {folderName}");
                return parseResult.GetValue(check) && !claims.AllHold ? ExitCodes.CheckFailed : ExitCodes.Success;
            });
        }), CancellationToken.None));
        return command;
    }
}
