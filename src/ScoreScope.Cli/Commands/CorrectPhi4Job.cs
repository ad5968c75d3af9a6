using System.Globalization;
using System.Text.Json.Nodes;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Terminal;
using ScoreScope.Correction;
using ScoreScope.IO;
using ScoreScope.Lattice;
using ScoreScope.Numerics;
using ScoreScope.Runs;
using ScoreScope.Scores;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope correct --target phi4:…</c>: exact correction of a lattice U-Net of <c>reproduce phi4</c> (or a
/// <c>train</c> run on such fields) towards e^{−S} (<see cref="PhiFourCorrection"/>); writes the proposals, their log q
/// and log π', the chain, the weights, observables.csv (raw, Metropolis-corrected, reweighted ⟨|M|⟩, χ, U) and metrics.
/// </summary>
internal static class CorrectPhi4Job
{
    /// <summary>The options the phi4 path reads (validated by the caller).</summary>
    public sealed record Request(string TargetText, string ModelFolder, int Proposals, ulong Seed, double MinimumTime, double Rtol, double Atol,
        long BatchSize, Device Device, string Folder, bool Replace);

    public static int Run(CliConsole console, Request request, CancellationToken cancellationToken)
    {
        var spec = Phi4TargetSpec.Parse(request.TargetText);
        string full = Path.GetFullPath(request.ModelFolder);
        string modelPath = Path.Combine(full, Trainer.ModelFileName);
        if (!File.Exists(modelPath))
            throw new UsageException($"--model '{request.ModelFolder}' has no {Trainer.ModelFileName}; expected a model-<point> folder of 'reproduce phi4' or a 'scorescope train' run");
        using var model = TrainedRun.LoadFile(modelPath, request.Device, "--model", w => console.Error.WriteLine($"scorescope correct: warning: {w}"));
        var modelShape = model.Config.EventShape;
        if (!modelShape.SequenceEqual(spec.EventShape))
        {
            string valid = modelShape.Length == 3 && modelShape[0] == 1 && modelShape[1] == modelShape[2] ? $"L={modelShape[1]}" : "none (the model is not a one-channel square lattice)";
            throw new UsageException($"--target phi4: L={spec.Size} gives fields [{string.Join(", ", spec.EventShape)}], the model's are [{string.Join(", ", modelShape)}]; valid: {valid}");
        }
        var normalisation = spec.Normalisation ?? ReadNormalisation(full);
        var process = model.Process;
        SettingChecks.TimeBeforeEnd(request.MinimumTime, process.EndTime, "--t-min");
        var lattice = new HypercubicLattice(spec.Size, 2);
        var target = new PhiFourTarget(new PhiFourAction(lattice, spec.Couplings), normalisation);

        using var scope = NewDisposeScope();
        var result = PhiFourCorrection.Run(model, process, target, request.Proposals, request.Seed, request.MinimumTime,
            new OdeTolerances(request.Rtol, request.Atol), request.BatchSize, cancellationToken);
        var metrics = Metrics(result, request.Proposals);
        var config = new CorrectCommandOptions(request.TargetText, full, null, process.ToString() ?? process.GetType().Name,
            request.Proposals, request.Seed, request.MinimumTime, request.Rtol, request.Atol, request.BatchSize);
        RunFolder.Write(request.Folder, request.Replace, folder =>
        {
            NpyFile.Write(Path.Combine(folder, "proposals.npy"), result.Proposals.Points.cpu());
            NpyFile.Write(Path.Combine(folder, "log_proposal.npy"), result.Proposals.LogDensity.cpu());
            NpyFile.Write(Path.Combine(folder, "log_target.npy"), result.LogTarget);
            NpyFile.Write(Path.Combine(folder, "chain.npy"), result.Proposals.Points.cpu().index_select(0, tensor(result.Chain.States.Select(i => (long)i).ToArray())));
            NpyFile.Write(Path.Combine(folder, "weights.npy"), result.Weights.Normalised);
            File.WriteAllText(Path.Combine(folder, "observables.csv"), ObservablesCsv(result));
            MetricsFiles.Write(folder, metrics);
            ConfigJson.Write(folder, "correct", config, new Dictionary<string, string>
            {
                ["normalisation"] = normalisation.Equation,
                ["action"] = string.Create(CultureInfo.InvariantCulture, $"S = Σ[−2κΣ_μ φ(x)φ(x+μ̂) + (1 − 2λ)φ² + λφ⁴], L = {spec.Size}, D = 2, κ = {spec.Couplings.Kappa}, λ = {spec.Couplings.Lambda}"),
            });
            return 0;
        }, CliRunFolders.Options(console, "correct"));
        string Row(string label, Func<string, (double Value, double Error)> get) => $"{label} " + string.Join(", ",
            PhiFourCorrection.Observables.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o} {get(o).Value:G4} ± {get(o).Error:G2}")));
        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{request.Proposals} proposals (model {request.ModelFolder}) → {request.TargetText} at t_min = {request.MinimumTime:G3}: acceptance {result.Chain.AcceptanceRate:F3}, " +
            $"importance ESS/N {result.EffectiveSampleSizePerProposal:F3}, τ_int {result.TauInt:F2}, NFE {result.Proposals.FunctionEvaluations}, {result.Seconds:F0} s; ") +
            Row("raw", o => (result.Raw[o].Value, result.Raw[o].Error)) + "; " +
            Row("corrected", o => (result.Corrected[o].Value, result.Corrected[o].Error)) + "; " +
            Row("reweighted", o => result.Reweighted.First(r => r.Name == o) is var r ? (r.Value, r.StandardError) : default) + $": {request.Folder}");
        return ExitCodes.Success;
    }

    /// <summary>The normalisation-&lt;point&gt;.txt that reproduce phi4 writes beside model-&lt;point&gt;.</summary>
    static FieldNormalisation ReadNormalisation(string modelFolder)
    {
        string name = Path.GetFileName(modelFolder);
        string? parent = Path.GetDirectoryName(modelFolder);
        string candidate = name.StartsWith("model-", StringComparison.Ordinal) && parent is not null
            ? Path.Combine(parent, $"normalisation-{name["model-".Length..]}.txt")
            : "";
        if (candidate.Length == 0 || !File.Exists(candidate))
            throw new UsageException($"--target phi4: no min=…,max=… given and no normalisation-<point>.txt beside --model '{modelFolder}'; give the min–max map of the training fields: {Phi4TargetSpec.Form}");
        try
        {
            return FieldNormalisation.FromEquation(File.ReadAllText(candidate));
        }
        catch (FormatException e)
        {
            throw new UsageException($"--target phi4: {candidate}: {e.Message}", e);
        }
    }

    static JsonObject Metrics(PhiFourCorrectionResult result, int proposals) => new()
    {
        ["proposals"] = proposals,
        ["acceptance-rate"] = result.Chain.AcceptanceRate,
        ["importance-ess"] = result.Weights.EffectiveSampleSize,
        ["importance-ess-per-proposal"] = result.EffectiveSampleSizePerProposal,
        ["log-mean-weight"] = result.Weights.LogMeanWeight,
        ["tau-int-max"] = result.TauInt,
        ["chain-effective-samples"] = result.ChainEffectiveSamples,
        ["function-evaluations"] = result.Proposals.FunctionEvaluations,
        ["seconds"] = result.Seconds,
        ["seconds-per-effective-sample"] = result.Seconds / result.ChainEffectiveSamples,
        ["seconds-per-importance-effective-sample"] = result.Seconds / result.Weights.EffectiveSampleSize,
    };

    static string ObservablesCsv(PhiFourCorrectionResult result)
    {
        var csv = new System.Text.StringBuilder("observable,raw,raw_error,corrected,corrected_error,corrected_tau_int,reweighted,reweighted_error\n");
        foreach (string o in PhiFourCorrection.Observables)
        {
            var raw = result.Raw[o];
            var chain = result.Corrected[o];
            var weighted = result.Reweighted.First(r => r.Name == o);
            csv.Append(CultureInfo.InvariantCulture, $"{o},{raw.Value:R},{raw.Error:R},{chain.Value:R},{chain.Error:R},{chain.TauInt:R},{weighted.Value:R},{weighted.StandardError:R}\n");
        }
        return csv.ToString();
    }
}
