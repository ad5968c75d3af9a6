using System.Diagnostics;
using ScoreScope.Numerics;
using ScoreScope.Scores;
using ScoreScope.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ScoreScope.Semigroups;

/// <summary>
/// Denoising score matching on the flat torus T^D for Brownian motion with generator Δ (x_t = x_0 + σ_t·z mod 2π,
/// σ_t = √(2t)) of a <see cref="TorusResidualScore"/>: network only, the OISM residual s_θ = s̃_t + NN_θ, or the warm
/// start (NN_θ regresses s̃_t first). The per-sample loss is σ_t²-weighted and averaged over coordinates,
/// ℓ = (1/D)‖σ_t·s_θ(x_t, t) − σ_t·∇_{x_t} log k_t(x_t, x_0)‖², whose minimiser is the score of ρ_t; the warm-start loss
/// is (1/D)‖F_θ − σ_t·s̃_t(x_t)‖².
/// </summary>
/// <remarks>
/// Shen, Wang, Riabiz, Oates (2025), arXiv 2406.09084v2, §4 and Appendix B.2 (DSM "on the exact theta-sum transition
/// kernel", the residual "OISM (L)+NN" and the warm start "NN (pre-trained)", 1k of 20k iterations);
/// docs/science/operator-informed.md §3.1, §4.2. The DSM target is the wrapped-Gaussian (theta-series) score
/// ∇_x log Σ_m N(x − x_0 + 2πm; 0, σ²), exact up to round-off. Optimizer: <see cref="HeldScalarAdam"/> with
/// <see cref="WarmupCosineSchedule"/> (2% warm-up, final 1%), as <see cref="Trainer"/> does; no EMA. Float32 network,
/// float64 targets and control. Every draw (weights, batch indices, times, noise) comes from generators seeded from
/// <see cref="TorusDenoisingOptions.Seed"/>.
/// </remarks>
public static class TorusDenoisingTrainer
{
    /// <summary>Trains a model on data angles and returns it with its loss trace.</summary>
    /// <param name="data">n ≥ 1 training points on T^D (radians), [n][D].</param>
    /// <param name="control">The OISM base: required for <see cref="OismNetworkMode.Residual"/> and
    /// <see cref="OismNetworkMode.WarmStart"/>, ignored for <see cref="OismNetworkMode.NetworkOnly"/>.</param>
    /// <param name="options">The options.</param>
    /// <param name="cancellationToken">Stops between iterations (the model trained so far is returned).</param>
    /// <exception cref="ArgumentException">For no or ragged data, or a missing control.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For invalid options.</exception>
    /// <exception cref="NonFiniteLossException">When a loss is NaN or infinite.</exception>
    public static TorusDenoisingResult Train(IReadOnlyList<double[]> data, TorusFullBasisOism? control, TorusDenoisingOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (data.Count == 0 || data[0].Length == 0) throw new ArgumentException("need at least one data point of dimension ≥ 1.", nameof(data));
        int dimension = data[0].Length;
        if (data.Any(p => p.Length != dimension || p.Any(v => !double.IsFinite(v))))
            throw new ArgumentException($"every data point needs {dimension} finite coordinates.", nameof(data));
        if (options.Mode != OismNetworkMode.NetworkOnly && control is null)
            throw new ArgumentException($"mode {options.Mode} needs an OISM control.", nameof(control));

        double[] grid = options.TimeGrid();
        TorusResidualScore model;
        using (var initialisation = Seeds.Generator(Seeds.Derive(options.Seed, "initialisation")))
        {
            var network = new PeriodicMlpScoreNetwork(dimension, options.ResolvedNetwork, initialisation);
            // the warm start regresses on s̃ but trains and returns a network-only model
            model = new TorusResidualScore(network, options.Mode == OismNetworkMode.Residual ? control : null, grid);
        }
        using var warmTarget = options.Mode == OismNetworkMode.WarmStart ? new TorusControlTable(control!, grid) : null;

        using var generator = Seeds.Generator(Seeds.Derive(options.Seed, "batches"));
        using var dataTensor = tensor(data.SelectMany(p => p).ToArray(), [data.Count, dimension], dtype: ScalarType.Float64);
        using var times = tensor(grid, dtype: ScalarType.Float64);
        using var sigmas = times.Multiply(2.0).sqrt();
        using var conditions = tensor(grid.Select(TorusResidualScore.Condition).ToArray(), dtype: ScalarType.Float32);
        int images = (int)Math.Ceiling(Math.Sqrt(2 * options.MaximumTime) * 20 / (2 * Math.PI)) + 1;
        var parameters = model.Network.parameters().ToArray();
        using var optimizer = new HeldScalarAdam(parameters, options.LearningRate);
        var schedule = new WarmupCosineSchedule(options.LearningRate, Math.Max(1, options.Steps / 50), options.Steps, 0.01);
        var losses = new List<double>(options.Steps);
        var watch = Stopwatch.StartNew();
        try
        {
            for (int step = 0; step < options.Steps && !cancellationToken.IsCancellationRequested; step++)
            {
                using var scope = NewDisposeScope();
                foreach (var group in optimizer.ParamGroups) group.LearningRate = schedule.At(step);
                var index = randint(data.Count, [options.BatchSize], dtype: ScalarType.Int64, generator: generator);
                var gridIndex = randint(grid.Length, [options.BatchSize], dtype: ScalarType.Int64, generator: generator);
                var z = randn([options.BatchSize, dimension], dtype: ScalarType.Float64, generator: generator);
                var sigma = sigmas.index_select(0, gridIndex).unsqueeze(1);
                var xt = dataTensor.index_select(0, index).Add(sigma * z);
                var output = model.Network.forward(xt, conditions.index_select(0, gridIndex)).to_type(ScalarType.Float64);
                Tensor residual;
                if (options.Mode == OismNetworkMode.WarmStart && step < options.WarmStartSteps)
                    residual = output.Subtract(sigma * warmTarget!.OnGrid(xt, gridIndex));
                else
                {
                    var baseline = model.HasControl ? sigma * model.ControlOnGrid(xt, gridIndex) : zeros_like(output);
                    residual = baseline.Add(output).Subtract(ScaledTarget(z, sigma, images));
                }
                var loss = residual.Square().mean();
                double value = loss.item<double>();
                if (!double.IsFinite(value)) throw new NonFiniteLossException(step + 1, value, null, null);
                optimizer.zero_grad();
                loss.backward();
                if (options.GradientClipNorm > 0) nn.utils.clip_grad_norm_(parameters, options.GradientClipNorm);
                optimizer.step();
                losses.Add(value);
            }
        }
        catch
        {
            model.Dispose();
            throw;
        }
        double rate = losses.Count / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
        return new TorusDenoisingResult(model, losses, rate);
    }

    /// <summary>
    /// σ·∇_{x_t} log k_t(x_t, x_0) for x_t − x_0 = σ·z (per coordinate, the wrapped-Gaussian score
    /// −Σ_m w_m·(z + 2πm/σ) with w ∝ exp(−(z + 2πm/σ)²/2), |m| ≤ <paramref name="images"/>): z [B, D], σ [B, 1] or
    /// [B, D]; float64 [B, D]. As σ → 0 it is −z (the Euclidean DSM target times σ).
    /// </summary>
    public static Tensor ScaledTarget(Tensor z, Tensor sigma, int images)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(sigma);
        using var scope = NewDisposeScope();
        var shifts = ScalarArithmetic.Arange(-images, images + 1, ScalarType.Float64, z.device).Multiply(2 * Math.PI); // [M]
        var u = z.unsqueeze(-1).Add(shifts.div(sigma.unsqueeze(-1)));                                                   // [B, D, M]
        var weights = u.Square().Multiply(-0.5).softmax(-1);
        return (weights * u).sum(-1).neg().MoveToOuterDisposeScope();
    }
}
