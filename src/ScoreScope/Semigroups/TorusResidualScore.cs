using ScoreScope.Numerics;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Semigroups;

/// <summary>
/// The OISM + network score on the flat torus T^D: s_θ(x, t) = s̃_t(x) + NN_θ(x, t) with s̃_t the training-free OISM
/// score (<see cref="TorusFullBasisOism"/>; omitted for a network-only model) and NN_θ = F_θ(x, c_t)/σ_t, F a
/// <see cref="PeriodicMlpScoreNetwork"/>, σ_t = √(2t) the noise scale of Brownian motion with generator Δ and
/// c_t = ¼·ln t its noise condition. A fresh network outputs F ≡ 0, so an untrained model is exactly s̃_t.
/// </summary>
/// <remarks>
/// Shen, Wang, Riabiz, Oates (2025), arXiv 2406.09084v2, §4 (OISM as a residual base for a neural score network, "we
/// combine the output of OISM (L) and a neural network and minimize the DSM objective"); docs/science/operator-informed.md §3.1.
/// Training: <see cref="TorusDenoisingTrainer"/>. The control s̃ is evaluated in float64 from a table of coefficients
/// α̂_t on the training time grid (one solve per grid time), and on demand (cached) at other times.
/// </remarks>
public sealed class TorusResidualScore : IDisposable
{
    readonly TorusControlTable? _table;

    /// <summary>Creates the model from a network, an optional OISM control and the training time grid.</summary>
    /// <param name="network">F_θ; owned by this object from now on (disposed with it).</param>
    /// <param name="control">The OISM base s̃, or null for a network-only model.</param>
    /// <param name="timeGrid">The times t_g &gt; 0 the control is tabulated at (the training grid).</param>
    /// <exception cref="ArgumentException">For a network of another dimension than the control, or an empty grid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For a grid time ≤ 0 or not finite.</exception>
    public TorusResidualScore(PeriodicMlpScoreNetwork network, TorusFullBasisOism? control, IReadOnlyList<double> timeGrid)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(timeGrid);
        if (timeGrid.Count == 0) throw new ArgumentException("the time grid needs at least one time.", nameof(timeGrid));
        foreach (double t in timeGrid) SemigroupChecks.RequireTime(t);
        Dimension = (int)network.EventShape[0];
        if (control is not null && control.Dimension != Dimension)
            throw new ArgumentException($"the control has dimension {control.Dimension}, the network {Dimension}.", nameof(control));
        Network = network;
        TimeGrid = [.. timeGrid];
        _table = control is null ? null : new TorusControlTable(control, TimeGrid);
    }

    /// <summary>The dimension D.</summary>
    public int Dimension { get; }

    /// <summary>The network F_θ.</summary>
    public PeriodicMlpScoreNetwork Network { get; }

    /// <summary>Whether the model has an OISM control s̃ (false: network only).</summary>
    public bool HasControl => _table is not null;

    /// <summary>The training time grid.</summary>
    public IReadOnlyList<double> TimeGrid { get; }

    /// <summary>The noise condition c_t = ¼·ln t fed to the network.</summary>
    public static double Condition(double time) => 0.25 * Math.Log(time);

    /// <summary>s̃_{t_g}(x) for per-sample grid indices g: x [B, D], indices [B] int64; float64 [B, D] (zeros without a control).</summary>
    public Tensor ControlOnGrid(Tensor x, Tensor gridIndices)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(gridIndices);
        return _table is null ? zeros(x.shape, dtype: ScalarType.Float64, device: x.device) : _table.OnGrid(x, gridIndices);
    }

    /// <summary>s̃_t(x) at one time: x [B, D]; float64 [B, D] (zeros without a control).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public Tensor Control(Tensor x, double time)
    {
        ArgumentNullException.ThrowIfNull(x);
        SemigroupChecks.RequireTime(time);
        return _table is null ? zeros(x.shape, dtype: ScalarType.Float64, device: x.device) : _table.At(x, time);
    }

    /// <summary>s_θ(x, t) = s̃_t(x) + F_θ(x, c_t)/σ_t without gradients: x [B, D]; float64 [B, D].</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public Tensor Score(Tensor x, double time)
    {
        using var _ = no_grad();
        return DifferentiableScore(x, time);
    }

    /// <summary>
    /// s_θ(x, t) as <see cref="Score"/> but with autograd enabled, so that the exact divergence ∇·s_θ can be taken by
    /// vector–Jacobian products (<see cref="TorusProbabilityFlowLikelihood"/>): x [B, D] float64; float64 [B, D]. The
    /// network runs in float32, so ∇·s_θ carries float32 rounding.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public Tensor DifferentiableScore(Tensor x, double time)
    {
        ArgumentNullException.ThrowIfNull(x);
        SemigroupChecks.RequireTime(time);
        using var scope = NewDisposeScope();
        var condition = ScalarArithmetic.Full([x.shape[0]], Condition(time), ScalarType.Float32, x.device);
        var network = Network.forward(x, condition).to_type(ScalarType.Float64).Divide(Math.Sqrt(2 * time));
        return Control(x, time).Add(network).MoveToOuterDisposeScope();
    }

    /// <summary>Disposes the network and the coefficient tables.</summary>
    public void Dispose()
    {
        Network.Dispose();
        _table?.Dispose();
    }
}
