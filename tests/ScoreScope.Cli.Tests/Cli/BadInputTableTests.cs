using System.Text;
using ScoreScope.Cli.Errors;
using ScoreScope.IO;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// Issue 12, deliverable 6: one table of bad inputs over every command — out-of-range and conflicting values, unknown
/// names, missing/empty/corrupt/truncated/huge-shape NPY and CSV files, runs that are not runs, odd output paths. For
/// every row: exit code 2, exactly one line on stderr that names the option or file (the row's fragment), no stack trace,
/// and nothing left behind (the output folder does not exist, no partial folder or temporary file appears). Garbage
/// numeric values are covered separately by <see cref="NumericOptionFuzzTests"/>; a new command or option adds rows here.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class BadInputTableTests : IClassFixture<BadInputTableTests.Files>
{
    /// <summary>The files and the tiny trained model the rows refer to, made once.</summary>
    public sealed class Files : IDisposable
    {
        internal CliHarness Harness { get; } = new();

        public Files()
        {
            string P(string name) => Harness.PathOf(name);
            File.WriteAllBytes(P("empty.npy"), []);
            File.WriteAllText(P("text.npy"), "hello, this is not an NPY file\n");
            var points = Enumerable.Range(0, 40).Select(i => Math.Sin(i)).ToArray();
            NpyFile.Write(P("points.npy"), points, [20, 2]);
            NpyFile.Write(P("points3.npy"), points.Take(30).ToArray(), [10, 3]);
            NpyFile.Write(P("fields.npy"), Enumerable.Range(0, 128).Select(i => Math.Cos(i)).ToArray(), [8, 4, 4]);
            byte[] valid = File.ReadAllBytes(P("points.npy"));
            File.WriteAllBytes(P("trunc.npy"), valid[..(valid.Length - 100)]);
            File.WriteAllBytes(P("huge.npy"), Encoding.ASCII.GetBytes(File.ReadAllText(P("points.npy"), Encoding.Latin1)
                .Replace("(20, 2)", "(99999999999999, 2)")[..valid.Length]));
            File.WriteAllText(P("ragged.csv"), "0.1,0.2\n0.3\n0.4,0.5\n");
            File.WriteAllText(P("words.csv"), "a,b\nc,d\n");
            File.WriteAllText(P("bad.json"), "{ \"options\": { \"steps\": ");
            File.WriteAllText(P("unknown.json"), "{ \"command\": \"sample\", \"options\": { \"no-such-key\": 3 } }");
            Directory.CreateDirectory(P("emptydir"));
            Directory.CreateDirectory(P("notarun"));
            File.WriteAllText(Harness.PathOf("notarun", "keep.txt"), "a folder that is not a ScoreScope run");
            var train = CliHarness.Run("train", "--data", "gmm8", "--steps", "3", "--width", "8", "--depth", "1", "--batch", "16",
                "--evaluate-every", "3", "--seed", "1", "--out", P("model"));
            if (train.ExitCode != 0) throw new InvalidOperationException("the tiny model did not train: " + train);
            File.WriteAllText(P("sweep.json"),
                """{ "name": "s", "command": "sample", "options": { "data": "gmm8", "n": 20, "steps": 2 }, "axes": [ { "seeds": [1] } ] }""");
        }

        public void Dispose() => Harness.Dispose();
    }

    readonly Files _files;

    public BadInputTableTests(Files files) => _files = files;

    const string S = "sample --data gmm8 --n 20 --steps 2";
    const string T = "train --data gmm8 --steps 2 --width 8 --depth 1 --batch 16";
    const string E = "evaluate --model {model}";
    const string Sc = "score --points {points} --times 0.5 --data gmm8";
    const string L = "likelihood --data gmm8 --n 10";
    const string C = "correct --target gmm8 --data gmm8 --n 10";
    const string Sp = "spectra --model {model} --points 2 --times 0.5";
    const string Hk = "heat-kernel --manifold circle --time 0.1";
    const string Cu = "cumulants --in {points}";
    const string H = "hmc --size 4 --configurations 2 --thermalisation 1 --chains 2";
    const string La = "lattice --in {fields} --kappa 0.2 --lambda 0.02";

    /// <summary>Rows: the arguments (placeholders in braces, '' an empty argument) and the fragment the line must name.</summary>
    static readonly (string Arguments, string Fragment)[] Rows =
    [
        // sample: names, files, process parameters, ranges, conflicts, output paths
        ("sample --n 20 --steps 2 --data nope", "--data"), ("sample --n 20 --steps 2 --data {missing}", "missing.npy"),
        ("sample --n 20 --steps 2 --data {empty}", "empty.npy"), ("sample --n 20 --steps 2 --data {text}", "text.npy"),
        ("sample --n 20 --steps 2 --data {trunc}", "trunc.npy"), ("sample --n 20 --steps 2 --data {huge}", "huge.npy"),
        ("sample --n 20 --steps 2 --data {ragged}", "ragged.csv"), ("sample --n 20 --steps 2 --data {words}", "words.csv"), ($"{S} --process nope", "--process"),
        ($"{S} --process ve --beta-min 1", "--beta-min"), ($"{S} --process vp --sigma-max 5", "--sigma-max"),
        ($"{S} --process ve --sigma-min -1", "--sigma-min"), ($"{S} --process ve --sigma-min 2 --sigma-max 1", "--sigma-max"),
        ($"{S} --beta-max -1", "--beta-max"), ($"{S} --process vp-cosine --beta-min 0.2", "--beta-min"), ($"{S} --score nope", "--score"),
        ($"{S} --score model", "--model"), ($"{S} --model {{missing}}", "--model"), ($"{S} --model {{emptydir}}", "--model"),
        ($"{S} --model {{notarun}}", "--model"), ($"{S} --model {{model}} --data gaussian10", "--data"),
        ($"{S} --model {{model}} --process ve", "--process"), ($"{S} --sampler nope", "--sampler"), ($"{S} --grid nope", "--grid"),
        ($"{S} --steps 0", "--steps"), ($"{S} --steps -4", "--steps"), ($"{S} --t-min 0", "--t-min"), ($"{S} --t-min 1", "--t-min"),
        ($"{S} --t-min 1.5", "--t-min"), ($"{S} --t-min -0.1", "--t-min"), ($"{S} --sigma-end -1", "--sigma-end"),
        ($"{S} --sigma-end 1000", "--sigma-end"), ($"{S} --sigma-end 0.1 --t-min 0.01", "--sigma-end"), ($"{S} --snr 0.1", "--snr"),
        ($"{S} --sampler pc --snr -1", "--snr"), ($"{S} --sampler pc --snr 0", "--snr"), ($"{S} --rtol 1e-3", "--rtol"),
        ($"{S} --sampler rk45 --atol 0", "--atol"), ($"{S} --sampler rk45 --rtol -1", "--rtol"), ($"{S} --denoise maybe", "--denoise"),
        ("sample --data gmm8 --steps 2 --n 0", "--n"), ("sample --data gmm8 --steps 2 --n -5", "--n"), ($"{S} --batch 0", "--batch"),
        ($"{S} --batch-size 0", "--batch"), ($"{S} --seed -1", "--seed"), ($"{S} --dtype float16", "--dtype"), ($"{S} --device tpu", "--device"),
        ($"{S} --threads 0", "--threads"), ($"{S} --threads 100000", "--threads"), ("sample --data gmm8 --steps 2 --from {missing}", "missing.npy"),
        ("sample --data gmm8 --steps 2 --from {text}", "text.npy"), ("sample --data gmm8 --steps 2 --from {points3}", "--from"),
        ("sample --data gmm8 --steps 2 --from {empty}", "empty.npy"), ("sample --data gmm8 --steps 2 --from {huge}", "huge.npy"),
        ($"{S} --t-start 0.5", "--t-start"), ("sample --data gmm8 --steps 2 --from {points} --t-start 2", "--t-start"),
        ("sample --data gmm8 --steps 2 --from {points} --n 7", "--n"), ($"{S} --config {{missing}}", "missing.npy"),
        ($"{S} --config {{bad}}", "bad.json"), ($"{S} --config {{unknown}}", "unknown.json"), ($"{S} --out ''", "--out"),
        ($"{S} --out {{notarun}}", "notarun"), ($"{S} --out {{points}}/x", "--out"), ($"{S} --sampler ancestral --process ve --sigma-end 0.01 --t-min 0.5", "--sigma-end"),
        // train
        ("train --steps 2 --data nope", "--data"), ("train --steps 2 --data {text}", "text.npy"), ("train --steps 2 --data {huge}", "huge.npy"),
        ("train --steps 2 --data {missing}", "missing.npy"), ("train --steps 2 --data {words}", "words.csv"), ($"{T} --net nope", "--net"),
        ($"{T} --width 0", "--width"), ($"{T} --depth 0", "--depth"), ($"{T} --width -3", "--width"),
        ("train --data gmm8 --steps 2 --net unet --channels 0", "--channels"), ("train --data gmm8 --steps 2 --net unet --levels 0", "--levels"),
        ($"{T} --param nope", "--param"), ($"{T} --loss nope", "--loss"), ($"{T} --weighting nope", "--weighting"),
        ($"{T} --time-sampling nope", "--time-sampling"), ($"{T} --t-min 0", "--t-min"), ($"{T} --t-min 2", "--t-min"),
        ("train --data gmm8 --width 8 --depth 1 --steps 0", "--steps"), ("train --data gmm8 --steps 2 --width 8 --depth 1 --batch 0", "--batch"),
        ($"{T} --lr 0", "--lr"), ($"{T} --lr -1", "--lr"), ($"{T} --warmup -1", "--warmup"), ($"{T} --ema 1.5", "--ema"),
        ($"{T} --ema -0.1", "--ema"), ($"{T} --seed -1", "--seed"), ($"{T} --threads 0", "--threads"),
        ($"{T} --checkpoint-every -1", "--checkpoint-every"), ($"{T} --evaluate-every -1", "--evaluate-every"), ($"{T} --device tpu", "--device"),
        ("train --resume {missing}", "missing.npy"), ("train --resume {notarun}", "notarun"), ("train --resume {emptydir}", "emptydir"),
        ($"{T} --stop-at 0", "--stop-at"), ($"{T} --config {{bad}}", "bad.json"), ($"{T} --process ve --beta-max 3", "--beta-max"),
        ($"{T} --process nope", "--process"), ($"{T} --out ''", "--out"), ($"{T} --out {{notarun}}", "notarun"),
        ($"{T} --process ve --sigma-max 0.001", "--sigma-max"),
        // evaluate
        ("evaluate", "--model"), ("evaluate --model {missing}", "--model"), ("evaluate --model {emptydir}", "--model"),
        ("evaluate --model {notarun}", "--model"), ($"{E} --error-times 3", "--error-times"), ($"{E} --error-t-min 0", "--error-t-min"),
        ($"{E} --error-t-min 0.5", "--error-t-min"), ($"{E} --error-samples 0", "--error-samples"), ($"{E} --sampler nope", "--sampler"),
        ($"{E} --steps 0", "--steps"), ($"{E} --grid nope", "--grid"), ($"{E} --t-min 0", "--t-min"), ($"{E} --n 0", "--n"),
        ($"{E} --batch 0", "--batch"), ($"{E} --seed -1", "--seed"), ($"{E} --threads 0", "--threads"), ($"{E} --device tpu", "--device"),
        ($"{E} --config {{bad}}", "bad.json"), ($"{E} --out {{notarun}}", "notarun"),
        // process
        ("process --process nope", "--process"), ("process --process ve --beta-min 1", "--beta-min"),
        ("process --process ve --sigma-min 1 --sigma-max 0.5", "--sigma-max"), ("process --times 0", "--times"), ("process --times 2", "--times"),
        ("process --times abc", "--times"), ("process --times 0.5,0.2", "--times"), ("process --times log:1:2", "--times"),
        ("process --times log:0.1:0.01:5", "--times"), ("process --times log:0.01:0.1:1", "--times"), ("process --steps 0", "--steps"),
        ("process --t-min 0", "--t-min"), ("process --sigmas -1", "--sigmas"), ("process --sigmas 1e9", "--sigmas"),
        ("process --sigmas abc", "--sigmas"), ("process --out {notarun}", "notarun"),
        // score
        ("score --times 0.5 --data gmm8", "--points"), ("score --points {missing} --times 0.5 --data gmm8", "missing.npy"),
        ("score --points {text} --times 0.5 --data gmm8", "text.npy"), ("score --points {points3} --times 0.5 --data gmm8", "--points"),
        ("score --points {huge} --times 0.5 --data gmm8", "huge.npy"), ("score --points {trunc} --times 0.5 --data gmm8", "trunc.npy"),
        ("score --points {points} --times 0 --data gmm8", "--times"), ("score --points {points} --times 2 --data gmm8", "--times"),
        ("score --points {points} --times 0.5 --data nope", "--data"), ($"{Sc} --model {{model}}", "--model"),
        ("score --points {points} --times 0.5 --model {missing}", "--model"), ($"{Sc} --process nope", "--process"),
        ($"{Sc} --device tpu", "--device"), ("score --points {points} --times 0.5", "--data"), ($"{Sc} --out {{notarun}}", "notarun"),
        // likelihood
        ($"{L} --score nope", "--score"), ($"{L} --score model", "--model"), ("likelihood --model {missing}", "--model"),
        ("likelihood --data gmm8 --in {missing}", "missing.npy"), ("likelihood --data gmm8 --in {text}", "text.npy"),
        ("likelihood --data gmm8 --in {points3}", "--in"), ("likelihood --data gmm8 --in {huge}", "huge.npy"), ("likelihood --data gmm8 --n 0", "--n"), ($"{L} --seed -1", "--seed"), ($"{L} --t-min 0", "--t-min"),
        ($"{L} --t-min 1", "--t-min"), ($"{L} --rtol 0", "--rtol"), ($"{L} --atol -1", "--atol"), ($"{L} --divergence nope", "--divergence"),
        ($"{L} --divergence hutchinson --probes 0", "--probes"), ($"{L} --probe gaussian", "--probe"),
        ($"{L} --divergence hutchinson --probe nope", "--probe"), ($"{L} --terminal nope", "--terminal"), ($"{L} --batch-size 0", "--batch"),
        ($"{L} --process nope", "--process"), ($"{L} --threads 0", "--threads"), ($"{L} --device tpu", "--device"),
        ("likelihood --data nope --n 10", "--data"), ("likelihood --model {model} --data gaussian10 --n 10", "--data"), ($"{L} --out {{notarun}}", "notarun"),
        // correct
        ($"{C} --target nope", "--target"), ("correct --target phi4 --data gmm8 --n 10", "--target"), ("correct --target gmm8 --n 10", "--model"),
        ($"{C} --model {{model}}", "--model"), ("correct --target gmm8 --data nope --n 10", "--data"), ("correct --target gmm8 --data gmm8 --n 0", "--n"),
        ($"{C} --t-min 0", "--t-min"), ($"{C} --rtol 0", "--rtol"), ($"{C} --atol -1", "--atol"), ($"{C} --batch-size 0", "--batch"),
        ($"{C} --seed -1", "--seed"), ($"{C} --threads 0", "--threads"), ("correct --target gaussian10 --data gmm8 --n 10", "--target"),
        ("correct --target gmm8 --model {missing} --n 10", "--model"), ($"{C} --out {{notarun}}", "notarun"),
        ("correct --target phi4:L=8,kappa=0.4,lambda=0.022 --model {model} --n 10", "--target"), // the model's shape [2] is not [1, 8, 8]
        ("correct --target phi4:L=8,kappa=abc,lambda=0.022 --model {model} --n 10", "--target"),
        ("correct --target phi4:L=8,kappa=-0.4,lambda=0.022 --model {model} --n 10", "--target"),
        ("correct --target phi4:L=7,kappa=0.4,lambda=0.022 --model {model} --n 10", "--target"),
        ("correct --target phi4:L=8,kappa=0.4,lambda=-1 --model {model} --n 10", "--target"),
        ("correct --target phi4:L=8,kappa=0.4,lambda=0.022,min=1 --model {model} --n 10", "--target"),
        ("correct --target phi4:L=8,kappa=0.4,lambda=0.022,mass=1 --model {model} --n 10", "--target"),
        ("correct --target phi4:L=8,kappa=0.4,lambda=0.022 --data gmm8 --n 10", "--model"),
        ("correct --target phi4:L=8,kappa=0.4,lambda=0.022 --model {model} --n 10 --check", "--check"),
        // spectra
        ("spectra", "--model"), ("spectra --model {missing} --points 2", "--model"), ("spectra --model {notarun} --points 2", "--model"),
        ("spectra --model {model} --points 0", "--points"), ("spectra --model {model} --points 2 --times 0", "--times"),
        ("spectra --model {model} --points 2 --times 1e9", "--times"), ($"{Sp} --method nope", "--method"), ($"{Sp} --tolerance -1", "--tolerance"),
        ($"{Sp} --seed -1", "--seed"), ($"{Sp} --threads 0", "--threads"), ($"{Sp} --data nope", "--data"),
        ("spectra --subspace-basis {missing} --points 2", "missing.npy"), ("spectra --subspace-basis {text} --points 2", "text.npy"),
        ($"{Sp} --process nope", "--process"), ("spectra --data gaussian10 --points 100000000", "--points 100000000: the score Jacobians"), ($"{Sp} --out {{notarun}}", "notarun"),
        // heat-kernel
        ($"{Hk} --manifold nope", "--manifold"), ("heat-kernel --manifold circle --time 0", "--time"), ("heat-kernel --manifold circle --time -1", "--time"),
        ("heat-kernel --manifold sphere --dimension 0 --time 0.1", "--dimension"), ($"{Hk} --quantity nope", "--quantity"),
        ($"{Hk} --method nope", "--method"), ($"{Hk} --basis-size 0", "--basis-size"), ($"{Hk} --grid 0", "--grid"),
        ("heat-kernel --manifold circle --time 0.1 --quantity score --data {missing}", "missing.npy"),
        ("heat-kernel --manifold circle --time 0.1 --quantity score --data {text}", "text.npy"), ($"{Hk} --data {{points}}", "--data"),
        ("heat-kernel --manifold sphere --time 0.1 --quantity score --data {points3}", "--data"), ($"{Hk} --out {{notarun}}", "notarun"),
        // cumulants
        ("cumulants", "--in"), ("cumulants --in {missing}", "missing.npy"), ("cumulants --in {text}", "text.npy"), ("cumulants --in {empty}", "empty.npy"),
        ("cumulants --in {trunc}", "trunc.npy"), ("cumulants --in {huge}", "huge.npy"), ("cumulants --in {ragged}", "ragged.csv"),
        ("cumulants --in {words}", "words.csv"), ($"{Cu} --observable nope", "--observable"), ($"{Cu} --observable coord:99", "--observable"),
        ($"{Cu} --order 0", "--order"), ($"{Cu} --order 99", "--order"), ($"{Cu} --block-size 0", "--block-size"),
        ($"{Cu} --bootstrap -1", "--bootstrap"), ($"{Cu} --seed -1", "--seed"), ($"{Cu} --out {{notarun}}", "notarun"),
        // hmc and lattice
        ("hmc --size 1 --configurations 2", "--size"), ("hmc --size 0 --configurations 2", "--size"), ($"{H} --dimensions 0", "--dimensions"),
        ($"{H} --lambda -1", "--lambda"), ("hmc --size 4 --configurations 2 --chains 0", "--chains"), ("hmc --size 4 --configurations 0", "--configurations"),
        ($"{H} --thermalisation -1", "--thermalisation"), ($"{H} --thinning 0", "--thinning"), ($"{H} --integrator nope", "--integrator"),
        ($"{H} --md-steps 0", "--md-steps"), ($"{H} --dt 0", "--dt"), ($"{H} --dt -0.1", "--dt"), ($"{H} --seed -1", "--seed"),
        ($"{H} --out {{notarun}}", "notarun"), ("lattice --kappa 0.2 --lambda 0.02", "--in"), ("lattice --in {missing} --kappa 0.2 --lambda 0.02", "missing.npy"),
        ("lattice --in {text} --kappa 0.2 --lambda 0.02", "text.npy"), ("lattice --in {trunc} --kappa 0.2 --lambda 0.02", "trunc.npy"),
        ($"{La} --chains 0", "--chains"), ($"{La} --chains 3", "--chains"), ($"{La} --normalise nope", "--normalise"),
        ("lattice --in {fields} --kappa 0.2 --lambda -1", "--lambda"), ($"{La} --out {{notarun}}", "notarun"),
        // reproduce, runs, sweep, demo, the root
        ("reproduce nope", "nope"), ("reproduce singular --quick --set nope=1", "nope"), ("reproduce singular --quick --set training-steps=0", "training-steps"),
        ("reproduce singular --quick --set training-steps=abc", "training-steps"), ("reproduce singular --quick --set steps", "steps"),
        ("reproduce singular --quick --threads 0", "--threads"), ("reproduce singular --quick --device tpu", "--device"),
        ("reproduce singular --quick --seed -1", "--seed"), ("reproduce spectra --training-steps 5", "--training-steps"),
        ("reproduce all --quick --set training-steps=3", "--set"), ("reproduce mcm --quick --set mixture-weight=0.7", "mixture-weight"),
        ("reproduce mcm --quick --set curve-dimension=2", "curve-dimension"), ("reproduce mcm --quick --set time=-1", "time"),
        ("reproduce mcm --quick --set activation=nope", "activation"), ("reproduce mcm --quick --set sweep-pairwise-dimensions=2,4", "sweep-pairwise-dimensions"),
        ("reproduce simplicity-bias --quick --set training-steps=0", "training-steps"), ("reproduce phi4 --quick --set vp-beta-max=0.05", "vp-beta-max"),
        ("reproduce phi4 --quick --set vp-model=yes", "vp-model"), ("reproduce singular --quick --out {notarun}", "notarun"),
        ("runs list {missing}", "missing.npy"), ("runs clean {points}", "points.npy"), ("sweep plan {missing}", "missing.npy"),
        ("sweep plan {bad}", "bad.json"), ("sweep run {bad}", "bad.json"), ("sweep run {sweep} --backend nope", "--backend"),
        ("sweep run {sweep} --workers 0", "--workers"), ("sweep collect {missing}", "missing.npy"), ("demo --out {notarun}", "notarun"),
        ("demo --out ''", "--out"), ("nope", "nope"), ("sample --bogus", "--bogus"), ("train --bogus 3", "--bogus"),
    ];

    /// <summary>The rows as xunit data (index and arguments, so a failing row is named).</summary>
    public static TheoryData<int, string, string> Cases()
    {
        var data = new TheoryData<int, string, string>();
        for (int i = 0; i < Rows.Length; i++) data.Add(i, Rows[i].Arguments, Rows[i].Fragment);
        return data;
    }

    [Fact]
    public void The_table_has_at_least_200_rows_over_every_command()
    {
        Assert.True(Rows.Length >= 200, $"{Rows.Length} rows");
        foreach (string command in new[] { "sample", "train", "evaluate", "process", "score", "likelihood", "correct", "spectra", "heat-kernel",
                     "cumulants", "hmc", "lattice", "reproduce", "runs", "sweep", "demo" })
            Assert.Contains(Rows, r => r.Arguments.StartsWith(command + " ", StringComparison.Ordinal) || r.Arguments == command);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_input_is_one_line_exit_2_naming_it_and_leaves_nothing(int row, string arguments, string fragment)
    {
        string output = _files.Harness.PathOf($"out-{row}");
        string[] before = _files.Harness.Entries();
        var args = arguments.Split(' ').Select(a => a == "''" ? "" : Expand(a)).ToList();
        bool takesOut = args[0] is not ("runs" or "nope") && !(args[0] == "sweep" && args[1] is "plan" or "collect") && !args.Contains("--out")
                        && !args.Contains("--bogus") && !(args[0] == "train" && args.Contains("--resume"));
        if (takesOut) args.AddRange(["--out", output]);

        var result = CliHarness.Run([.. args]);

        string shown = $"row {row}: scorescope {string.Join(' ', args)}\n{result}";
        Assert.True(result.ExitCode == ExitCodes.Usage, shown);
        Assert.True(result.ErrorLines.Length == 1, shown);
        Assert.Contains(fragment, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), shown);
        Assert.Equal(before, _files.Harness.Entries());
    }

    string Expand(string argument)
    {
        foreach (var (name, file) in new[]
        {
            ("{missing}", "missing.npy"), ("{empty}", "empty.npy"), ("{text}", "text.npy"), ("{trunc}", "trunc.npy"), ("{huge}", "huge.npy"),
            ("{ragged}", "ragged.csv"), ("{words}", "words.csv"), ("{points}", "points.npy"), ("{points3}", "points3.npy"),
            ("{fields}", "fields.npy"), ("{bad}", "bad.json"), ("{unknown}", "unknown.json"), ("{emptydir}", "emptydir"),
            ("{notarun}", "notarun"), ("{model}", "model"), ("{sweep}", "sweep.json"),
        })
        {
            argument = argument.Replace(name, _files.Harness.PathOf(file), StringComparison.Ordinal);
        }
        return argument;
    }
}
