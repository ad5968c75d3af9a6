using System.CommandLine;
using System.Globalization;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Terminal;
using ScoreScope.IO;
using ScoreScope.Runs;
using ScoreScope.Semigroups;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope heat-kernel</c>: evaluates a heat kernel (circle, torus, S², S^d) along a geodesic, or a training-free
/// score of data (DKS on the circle/torus, RDKS on S², OISM on the circle) on a grid, and prints or writes a CSV.
/// </summary>
public sealed class HeatKernelCommand
{
    static readonly string[] Manifolds = ["circle", "torus", "sphere", "hypersphere"];

    readonly CliConsole _console;

    public HeatKernelCommand(CliConsole console) => _console = console;

    public Option<string> Manifold { get; } = OptionFactory.Text("--manifold",
        "circle, torus (T^D, D = --dimension), sphere (S²) or hypersphere (S^d, d = --dimension).", "sphere");

    public Option<int> Dimension { get; } = OptionFactory.Integer("--dimension",
        "D of the torus (≥ 1; 1 or 2 for scores) or d of the hypersphere (≥ 2). Default 2.");

    public Option<double> Time { get; } = OptionFactory.Number("--time", "The diffusion time t > 0 (generator Δ).", 0.1);

    public Option<string> Quantity { get; } = OptionFactory.Text("--quantity",
        "kernel (k_t from --center along a geodesic) or score (of the --data points on a grid).", "kernel");

    public Option<string> Center { get; } = OptionFactory.Text("--center",
        "Comma-separated centre of the kernel, on the manifold (|x| = 1 within 1e-6 on spheres). Default: 0 on tori, the last unit vector on spheres.");

    public Option<string> Data { get; } = OptionFactory.Text("--data",
        "Data points for --quantity score: an .npy or .csv file, one point per row (angles in radians on tori, unit vectors on S²).");

    public Option<string> Method { get; } = OptionFactory.Text("--method",
        "dks (kernel smoothing: the exact score of the heat-kernel KDE) or oism (circle only: operator-informed score matching with --basis-size frequencies).", "dks");

    public Option<int> BasisSize { get; } = OptionFactory.Integer("--basis-size", "Frequencies K ≥ 1 of the OISM trigonometric basis (2K eigenfunctions).", 8);

    public Option<int> Grid { get; } = OptionFactory.Integer("--grid", "Grid points per axis, 2 … 100000.", 101);

    public Option<string> Out { get; } = OptionFactory.Text("--out", "Write the CSV to this file (atomically) instead of stdout.");

    public Option<bool> Force { get; } = CommonOptions.Force();

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("heat-kernel",
            "Heat kernels on the circle, torus, S² and S^d, and training-free scores (DKS/RDKS, circle OISM) on a grid, as CSV.")
        {
            Manifold, Dimension, Time, Quantity, Center, Data, Method, BasisSize, Grid, Out, Force, Verbose,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "heat-kernel", _console, parseResult.GetValue(Verbose), () => Execute(parseResult)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult)
    {
        string manifold = parseResult.GetValue(Manifold) ?? "sphere";
        if (!Manifolds.Contains(manifold))
            throw new UsageException($"--manifold must be one of {string.Join(", ", Manifolds)} (got '{manifold}')");
        bool explicitDimension = OptionFactory.TryGetExplicit(parseResult, Dimension, out int dimension);
        if (!explicitDimension) dimension = manifold == "circle" ? 1 : 2;
        if (manifold == "circle" && dimension != 1) throw new UsageException($"--dimension must be 1 for --manifold circle (got {dimension}); use torus");
        if (manifold == "sphere" && dimension != 2) throw new UsageException($"--dimension must be 2 for --manifold sphere (got {dimension}); use hypersphere");
        if (manifold == "torus" && dimension < 1) throw new UsageException($"--dimension must be ≥ 1 for a torus (got {dimension})");
        if (manifold == "hypersphere" && (dimension < 2 || dimension > 1000)) throw new UsageException($"--dimension must be in [2, 1000] for a hypersphere (got {dimension})");
        double time = parseResult.GetValue(Time);
        if (!(time > 0)) throw new UsageException($"--time must be > 0 (got {time.ToString("R", CultureInfo.InvariantCulture)})");
        int grid = parseResult.GetValue(Grid);
        if (grid < 2 || grid > 100_000) throw new UsageException($"--grid must be an integer in [2, 100000] (got {grid})");
        int basisSize = parseResult.GetValue(BasisSize);
        if (basisSize < 1) throw new UsageException($"--basis-size must be an integer ≥ 1 (got {basisSize})");
        string quantity = parseResult.GetValue(Quantity) ?? "kernel";
        string method = parseResult.GetValue(Method) ?? "dks";
        if (method is not ("dks" or "oism")) throw new UsageException($"--method must be dks or oism (got '{method}')");
        string? target = parseResult.GetValue(Out);
        if (target is not null && (target.Length == 0 || Directory.Exists(target)))
            throw new UsageException($"--out '{target}' is {(target.Length == 0 ? "empty" : "a folder")}; give the path of the CSV file to write");
        if (quantity != "score" && parseResult.GetValue(Data) is not null)
            throw new UsageException($"--data applies only to --quantity score (the score of the --data points); got --quantity {quantity}");
        if (target is not null && File.Exists(target) && !parseResult.GetValue(Force))
            throw new UsageException($"--out '{target}' exists; pass --force to replace it");
        bool sphere = manifold is "sphere" or "hypersphere";
        int ambient = sphere ? dimension + 1 : dimension;

        string csv = quantity switch
        {
            "kernel" => sphere
                ? SphereKernelCsv(parseResult, dimension, ambient, time, grid)
                : HeatKernelGrid.TorusKernel(time, ParseCenter(parseResult.GetValue(Center), ambient, sphere: false), grid),
            "score" => ScoreCsv(parseResult, manifold, dimension, method, basisSize, time, grid),
            _ => throw new UsageException($"--quantity must be kernel or score (got '{quantity}')"),
        };
        if (target is null) _console.Output.Write(csv);
        else
        {
            AtomicFile.WriteAllText(target, csv);
            _console.Output.WriteLine($"Output: {target}");
        }
        return ExitCodes.Success;
    }

    string SphereKernelCsv(ParseResult parseResult, int dimension, int ambient, double time, int grid)
    {
        // the kernel is zonal: the centre is validated (it must lie on the sphere) and the table is in θ from it
        _ = ParseCenter(parseResult.GetValue(Center), ambient, sphere: true);
        return HeatKernelGrid.SphereKernel(dimension, time, grid);
    }

    string ScoreCsv(ParseResult parseResult, string manifold, int dimension, string method, int basisSize, double time, int grid)
    {
        string path = parseResult.GetValue(Data) ?? throw new UsageException("--data is required for --quantity score: an .npy or .csv file of points");
        if (manifold == "hypersphere") throw new UsageException("--quantity score is available for circle, torus and sphere (got hypersphere)");
        if (manifold == "torus" && dimension > 2) throw new UsageException($"--quantity score on a torus needs --dimension 1 or 2 for a grid (got {dimension})");
        if (method == "oism" && manifold != "circle") throw new UsageException($"--method oism is available on the circle only (got --manifold {manifold})");
        var points = LoadPoints(path, manifold == "sphere" ? 3 : dimension);
        if (manifold == "sphere")
        {
            for (int i = 0; i < points.Length; i++)
            {
                double norm = Math.Sqrt(points[i].Sum(v => v * v));
                if (Math.Abs(norm - 1) > SphereGeometry.Tolerance)
                    throw new UsageException($"--data '{path}': row {i + 1} is off the unit sphere (|x| = {norm.ToString("R", CultureInfo.InvariantCulture)}; valid: within {SphereGeometry.Tolerance} of 1)");
            }
            return HeatKernelGrid.SphereScore(new SphereKernelSmoothingScore(points), time, grid);
        }
        if (method == "oism")
            return HeatKernelGrid.CircleOismScore(CircleOism.FromSamples(points.Select(p => p[0]).ToArray(), basisSize), time, grid);
        return HeatKernelGrid.TorusScore(new TorusKernelSmoothingScore(points), dimension, time, grid);
    }

    static double[][] LoadPoints(string path, int columns)
    {
        TorchSharp.torch.Tensor tensor;
        try
        {
            tensor = DataFile.LoadPoints(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"--data: {ErrorText.OneLine(e)} (expected an N × d .npy of numbers or a numeric .csv, one point per line)", e);
        }
        using (tensor)
        {
            long rows = tensor.shape[0];
            long width = tensor.dim() == 1 ? 1 : tensor.shape[1];
            if (tensor.dim() > 2 || width != columns)
                throw new UsageException($"--data '{path}' has {width} columns; the manifold needs {columns}");
            using var flat = tensor.to_type(TorchSharp.torch.ScalarType.Float64).reshape(rows, columns);
            var values = flat.data<double>().ToArray();
            var result = new double[rows][];
            for (long i = 0; i < rows; i++)
            {
                result[i] = values.AsSpan((int)(i * columns), columns).ToArray();
                if (result[i].Any(v => !double.IsFinite(v)))
                    throw new UsageException($"--data '{path}': row {i + 1} has a non-finite value");
            }
            return result;
        }
    }

    static double[] ParseCenter(string? text, int ambient, bool sphere)
    {
        var center = new double[ambient];
        if (text is null)
        {
            if (sphere) center[ambient - 1] = 1;
            return center;
        }
        var parts = text.Split(',');
        if (parts.Length != ambient)
            throw new UsageException($"--center needs {ambient} comma-separated numbers (got '{text}')");
        for (int j = 0; j < ambient; j++)
            if (!double.TryParse(parts[j], NumberStyles.Float, CultureInfo.InvariantCulture, out center[j]) || !double.IsFinite(center[j]))
                throw new UsageException($"--center: '{parts[j]}' is not a finite number (got '{text}')");
        if (sphere)
        {
            double norm = Math.Sqrt(center.Sum(v => v * v));
            if (Math.Abs(norm - 1) > SphereGeometry.Tolerance)
                throw new UsageException($"--center must lie on the unit sphere, |x| within {SphereGeometry.Tolerance} of 1 (got |x| = {norm.ToString("R", CultureInfo.InvariantCulture)})");
        }
        return center;
    }
}
