using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Plotting;
using ScoreScope.Cli.Terminal;
using ScoreScope.Runs;
using ScoreScope.Sweeps;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope sweep plan|run|collect</c>: a sweep file's points (<see cref="SweepPlan"/>), run by local worker
/// processes or as one Slurm job array (<see cref="LocalSweepBackend"/>, <see cref="SlurmSweepBackend"/>), resumable, and
/// collected into one table (<see cref="SweepTable"/>). The hidden <c>sweep task</c> runs one point of a job array.
/// </summary>
public sealed class SweepCommand
{
    readonly CliConsole _console;
    readonly Func<Command> _root;

    /// <summary>Creates the command; <paramref name="root"/> builds a silent command tree to check every point's options.</summary>
    public SweepCommand(CliConsole console, Func<Command> root)
    {
        _console = console;
        _root = root;
    }

    /// <summary>Builds the System.CommandLine command with its subcommands.</summary>
    public Command Build()
    {
        var command = new Command("sweep",
            "Run a sweep file's points (grid, zip and seed axes over any scorescope command) with local workers or as a Slurm " +
            "job array, resumably, and collect every point's options and metrics into one table.");
        command.Subcommands.Add(Plan());
        command.Subcommands.Add(Run());
        command.Subcommands.Add(Collect());
        command.Subcommands.Add(Task());
        return command;
    }

    static Argument<string> FileArgument() => new("FILE") { Description = "The sweep file (JSON: name, command, options, axes)." };

    Command Plan()
    {
        var file = FileArgument();
        var verbose = CommonOptions.Verbose();
        var command = new Command("plan", "Print the expanded points of a sweep file (count, each point's id and options) without running anything.") { file, verbose };
        command.SetAction(parseResult => CommandRunner.Run("sweep plan", _console, parseResult.GetValue(verbose), () =>
        {
            var (sweep, points) = Load(parseResult.GetValue(file)!);
            _console.Output.WriteLine($"sweep {sweep.Name}: {points.Count} point(s) of 'scorescope {sweep.CommandText}'");
            foreach (var point in points)
                _console.Output.WriteLine($"{point.Id}  {string.Join(' ', point.Arguments("DIR/points/" + point.Id).Skip(point.Command.Count).SkipLast(2))}");
            return ExitCodes.Success;
        }));
        return command;
    }

    Command Run()
    {
        var file = FileArgument();
        var outOption = OptionFactory.Text("--out", "The sweep's folder: points/ID (each point's run folder), status/, logs/, sweep.json. Rerunning into it skips finished points.");
        var backend = OptionFactory.Text("--backend", "local (worker processes on this machine) or slurm (one job array).", "local");
        var workers = OptionFactory.Integer("--workers", "local: concurrent worker processes, in [1, 256].", 1);
        var threads = CommonOptions.Threads();
        var retry = OptionFactory.Switch("--retry-failed", "Also rerun points that failed with an exit code (interrupted points are always rerun).");
        var partition = OptionFactory.Text("--partition", "slurm: #SBATCH --partition.");
        var time = OptionFactory.Text("--time", "slurm: #SBATCH --time per array task (e.g. 01:00:00).");
        var memory = OptionFactory.Text("--memory", "slurm: #SBATCH --mem per task (e.g. 4G).");
        var throttle = OptionFactory.Integer("--array-throttle", "slurm: at most K array tasks at once (%K), K ≥ 1.");
        var account = OptionFactory.Text("--account", "slurm: #SBATCH --account.");
        var gpus = OptionFactory.Integer("--gpus", "slurm: #SBATCH --gpus per task (points should then pass --device cuda), ≥ 1.");
        var sbatchLine = new Option<string[]>("--sbatch-line") { Description = "slurm: an extra '#SBATCH LINE' directive (repeatable), e.g. --sbatch-line=--qos=long.", AllowMultipleArgumentsPerToken = false };
        var noWait = OptionFactory.Switch("--no-wait", "slurm: submit and return (collect later); default waits and reports.");
        var dryRun = OptionFactory.Switch("--dry-run", "slurm: write the job script and task list under DIR/slurm/ without submitting.");
        var verbose = CommonOptions.Verbose();
        var command = new Command("run", "Run the points of a sweep file that are not done yet, each in DIR/points/ID, and report done/failed.")
        {
            file, outOption, backend, workers, threads, retry, partition, time, memory, throttle, account, gpus, sbatchLine, noWait, dryRun, verbose,
        };
        command.SetAction((parseResult, cancellationToken) => System.Threading.Tasks.Task.Run(() => CommandRunner.Run("sweep run", _console, parseResult.GetValue(verbose), () =>
        {
            string kind = parseResult.GetValue(backend)!;
            if (kind is not ("local" or "slurm")) throw new UsageException($"--backend '{kind}': expected local or slurm");
            string target = parseResult.GetValue(outOption) ?? throw new UsageException("--out is required: the sweep's folder");
            int workerCount = parseResult.GetValue(workers);
            if (workerCount is < 1 or > 256) throw new UsageException($"--workers {workerCount}: expected an integer in [1, 256]");
            int threadCount = CommonOptions.CheckThreads(parseResult.GetValue(threads));
            bool threadsGiven = parseResult.GetResult(threads) is { Implicit: false };
            if (kind == "local")
            {
                foreach (var slurmOnly in new Option[] { partition, time, memory, throttle, account, gpus, sbatchLine, noWait, dryRun })
                {
                    if (parseResult.GetResult(slurmOnly) is { Implicit: false })
                        throw new UsageException($"{slurmOnly.Name} applies to --backend slurm only");
                }
            }
            else if (parseResult.GetResult(workers) is { Implicit: false })
            {
                throw new UsageException("--workers applies to --backend local only (Slurm runs the array tasks; use --array-throttle)");
            }
            var slurm = new SlurmOptions(parseResult.GetValue(partition), parseResult.GetValue(time), threadCount, parseResult.GetValue(memory),
                Positive(parseResult, throttle), parseResult.GetValue(account), Positive(parseResult, gpus), parseResult.GetValue(sbatchLine));
            CheckDirective("--partition", slurm.Partition);
            CheckDirective("--time", slurm.Time);
            CheckDirective("--memory", slurm.Memory);
            CheckDirective("--account", slurm.Account);
            foreach (string line in slurm.ExtraLines ?? []) CheckDirective("--sbatch-line", line);

            var (sweep, points) = Load(parseResult.GetValue(file)!);
            var folder = Guard(() => SweepFolder.Create(target, sweep, points));
            var pending = folder.Pending(points, parseResult.GetValue(retry));
            int already = points.Count(p => folder.StateOf(p.Id) == SweepPointState.Done);
            if (pending.Count == 0)
            {
                _console.Output.WriteLine($"sweep {sweep.Name}: all {points.Count} point(s) done ({already} already); nothing to run. Collect with: scorescope sweep collect {target}");
                return Summarise(sweep, points, folder);
            }
            var launcher = SweepLauncher.CurrentProgram();
            if (kind == "local")
            {
                _console.Error.WriteLine($"sweep {sweep.Name}: running {pending.Count} of {points.Count} point(s) ({already} done) with {workerCount} worker(s) × {threadCount} thread(s)");
                var backendRun = new LocalSweepBackend(workerCount, threadsGiven || workerCount > 1 ? threadCount : null);
                _console.WithProgress(board =>
                {
                    var stage = board.AddStage($"sweep {sweep.Name}: 0 done, 0 failed", pending.Count);
                    var progress = new SynchronousProgress<SweepProgress>(p =>
                    {
                        stage.SetValue(p.Done + p.Failed);
                        stage.Describe($"sweep {sweep.Name}: {p.Done} done, {p.Failed} failed");
                        if (p.Last is { } last) _console.Error.WriteLine(Line(p, last));
                    });
                    return backendRun.RunAsync(pending, folder, launcher, progress, cancellationToken).GetAwaiter().GetResult();
                });
                if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
                return Summarise(sweep, points, folder);
            }
            var slurmBackend = new SlurmSweepBackend(slurm);
            var job = slurmBackend.Write(folder, sweep.Name, pending, launcher);
            if (parseResult.GetValue(dryRun))
            {
                _console.Output.WriteLine($"sweep {sweep.Name}: wrote {job.Script} ({pending.Count} array task(s); tasks in {job.TaskFile}); submit it with: sbatch {job.Script}");
                return ExitCodes.Success;
            }
            job = slurmBackend.Submit(job);
            AtomicFile.WriteAllText(Path.Combine(folder.Path, "slurm", job.JobId + ".job"), $"{job.JobId}\n{job.Script}\n{job.TaskFile}\n");
            _console.Output.WriteLine($"sweep {sweep.Name}: submitted slurm job {job.JobId} ({pending.Count} array task(s), script {job.Script})");
            if (parseResult.GetValue(noWait))
            {
                _console.Output.WriteLine($"not waiting; when it has run: scorescope sweep run {parseResult.GetValue(file)} --out {target} --backend slurm (reruns only what is missing), or scorescope sweep collect {target}");
                return ExitCodes.Success;
            }
            _console.WithProgress(board =>
            {
                var stage = board.AddStage($"slurm job {job.JobId}", pending.Count);
                var progress = new SynchronousProgress<SweepProgress>(p =>
                {
                    stage.SetValue(p.Done + p.Failed);
                    stage.Describe($"slurm job {job.JobId}: {p.Done} done, {p.Failed} failed");
                });
                return slurmBackend.WaitAsync(job, folder, TimeSpan.FromSeconds(2), progress, cancellationToken).GetAwaiter().GetResult();
            });
            return Summarise(sweep, points, folder);
        }), CancellationToken.None));
        return command;
    }

    Command Collect()
    {
        var folderArgument = new Argument<string>("DIR") { Description = "The sweep's folder (the --out of sweep run)." };
        var metric = OptionFactory.Text("--metric", "Plot this metric (a metrics.json key, e.g. energy-distance) against --axis, mean ± SE over seeds.");
        var axis = OptionFactory.Text("--axis", "The option on the plot's x axis (a sweep axis, e.g. steps).");
        var verbose = CommonOptions.Verbose();
        var command = new Command("collect", "Write DIR/results.csv: one row per point with its state, options and metrics (metrics.json, checks.csv); optionally plot a metric against an axis.")
        {
            folderArgument, metric, axis, verbose,
        };
        command.SetAction(parseResult => CommandRunner.Run("sweep collect", _console, parseResult.GetValue(verbose), () =>
        {
            string? metricName = parseResult.GetValue(metric), axisName = parseResult.GetValue(axis);
            if ((metricName is null) != (axisName is null)) throw new UsageException("--metric and --axis go together (plot a metric against an axis)");
            var folder = Guard(() => SweepFolder.OpenExisting(parseResult.GetValue(folderArgument)!));
            var table = SweepTable.Collect(folder);
            string csv = Path.Combine(folder.Path, "results.csv");
            AtomicFile.WriteAllText(csv, table.ToCsv());
            int done = table.Rows.Count(r => r["state"] == "done"), failed = table.Rows.Count(r => r["state"] == "failed");
            _console.Output.WriteLine($"{csv}: {table.Rows.Count} row(s) ({done} done, {failed} failed, {table.Rows.Count - done - failed} missing), {table.Columns.Count} column(s)");
            if (metricName is not null)
            {
                IReadOnlyList<SweepSeries> series;
                try
                {
                    series = SweepSeries.Of(table, metricName, axisName!);
                }
                catch (ArgumentException e)
                {
                    throw new UsageException($"--metric {metricName} --axis {axisName}: {e.Message}");
                }
                string safe = string.Concat($"plot-{metricName}-vs-{axisName}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
                string path = Path.Combine(folder.Path, safe);
                SweepMetricPlot.Write(path, series, metricName, axisName!, $"{folder.ReadRecord()!.Name}: {metricName} vs {axisName}");
                _console.Output.WriteLine($"{path}.png, {path}.svg: {series.Count} series");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    Command Task()
    {
        var folderArgument = new Argument<string>("DIR") { Description = "The sweep's folder." };
        var tasks = OptionFactory.Text("--tasks", "The task list (one point id per line).");
        var index = OptionFactory.Integer("--index", "The array index (line of the task list).");
        var threads = CommonOptions.Threads();
        var command = new Command("task", "Run one point of a Slurm job array (used by the job script).") { folderArgument, tasks, index, threads };
        command.Hidden = true;
        command.SetAction((parseResult, cancellationToken) => System.Threading.Tasks.Task.Run(() => CommandRunner.Run("sweep task", _console, false, () =>
        {
            var folder = Guard(() => SweepFolder.OpenExisting(parseResult.GetValue(folderArgument)!));
            string list = parseResult.GetValue(tasks) ?? throw new UsageException("--tasks is required");
            var ids = File.ReadAllLines(list).Where(l => l.Length > 0).ToArray();
            int i = parseResult.GetValue(index);
            if (i < 0 || i >= ids.Length) throw new UsageException($"--index {i}: expected 0 … {ids.Length - 1} ({list})");
            var point = folder.ReadRecord()!.Points.FirstOrDefault(p => p.Id == ids[i])?.ToPoint()
                ?? throw new UsageException($"point {ids[i]} is not in {Path.Combine(folder.Path, SweepFolder.SweepFileName)}");
            using var terminate = new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(terminate.Token, cancellationToken);
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; terminate.Cancel(); });
            string job = Environment.GetEnvironmentVariable("SLURM_ARRAY_JOB_ID") ?? "?";
            var status = SweepPointRunner.RunAsync(point, folder, SweepLauncher.CurrentProgram(),
                parseResult.GetResult(threads) is { Implicit: false } ? parseResult.GetValue(threads) : null,
                $"slurm {job}_{i}", linked.Token, "terminated by SIGTERM (scancel or the time limit)").GetAwaiter().GetResult();
            _console.Output.WriteLine($"{status.Id}: {status.State.ToString().ToLowerInvariant()} ({status.Reason})");
            return status.State == SweepPointState.Done ? ExitCodes.Success : ExitCodes.Failure;
        }), CancellationToken.None));
        return command;
    }

    (SweepDefinition Sweep, IReadOnlyList<SweepPoint> Points) Load(string path)
    {
        var sweep = Guard(() => SweepFile.Load(path));
        var points = SweepPlan.Expand(sweep);
        var root = _root();
        foreach (var point in points)
        {
            var arguments = point.Arguments(Path.Combine(Path.GetTempPath(), "scorescope-sweep-check", point.Id)).ToArray();
            var parsed = root.Parse(arguments);
            if (parsed.Errors.Count > 0)
            {
                string setting = string.Join(", ", point.Options.Select(o => $"{o.Key}={o.Value}"));
                throw new UsageException($"sweep file '{path}': point {point.Id} ({setting}): 'scorescope {sweep.CommandText}' rejects it: {parsed.Errors[0].Message}");
            }
        }
        return (sweep, points);
    }

    int Summarise(SweepDefinition sweep, IReadOnlyList<SweepPoint> points, SweepFolder folder)
    {
        var states = points.Select(p => (Point: p, State: folder.StateOf(p.Id))).ToArray();
        int done = states.Count(s => s.State == SweepPointState.Done);
        var failed = states.Where(s => s.State == SweepPointState.Failed).ToArray();
        int missing = states.Length - done - failed.Length;
        _console.Output.WriteLine($"sweep {sweep.Name}: {points.Count} point(s): {done} done, {failed.Length} failed, {missing} not run. Folder: {folder.Path}");
        foreach (var group in failed.GroupBy(f => folder.ReadStatus(f.Point.Id)!.Reason))
        {
            string lastLine = folder.ReadStatus(group.First().Point.Id)!.LogTail?.Split('\n').LastOrDefault(l => l.Trim().Length > 0 && !l.StartsWith('#')) ?? "";
            _console.Output.WriteLine($"  failed ({group.Key}): {string.Join(", ", group.Select(g => g.Point.Id))}{(lastLine.Length > 0 ? " — " + ScoreScope.IO.PrintableText.Escape(lastLine) : "")}");
        }
        if (failed.Length > 0) _console.Output.WriteLine($"  logs in {Path.Combine(folder.Path, "logs")}; rerun the same command to run interrupted points again (--retry-failed for the rest)");
        return failed.Length == 0 && missing == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    static string Line(SweepProgress progress, SweepPointStatus status) => string.Create(CultureInfo.InvariantCulture,
        $"[{progress.Done + progress.Failed}/{progress.Total}] {status.Id} {status.State.ToString().ToLowerInvariant()}{(status.State == SweepPointState.Done ? "" : $" ({status.Reason})")} in {status.Seconds:F1} s");

    static int? Positive(ParseResult parseResult, Option<int> option)
    {
        if (parseResult.GetResult(option) is not { Implicit: false }) return null;
        int value = parseResult.GetValue(option);
        if (value < 1) throw new UsageException($"{option.Name} {value}: expected an integer ≥ 1");
        return value;
    }

    static void CheckDirective(string option, string? value)
    {
        if (value is not null && (value.Length == 0 || value.Any(char.IsControl)))
            throw new UsageException($"{option} '{value}': expected a non-empty single-line value");
    }

    static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SweepFileException e)
        {
            throw new UsageException(e.Message);
        }
        catch (SweepFolderException e)
        {
            throw new UsageException("--out " + e.Message);
        }
    }
}
