using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Numerics;

/// <summary>
/// The explicit Runge–Kutta pair of Dormand &amp; Prince (1980), "A family of embedded Runge–Kutta formulae",
/// J. Comput. Appl. Math. 6, 19–26 (RK5(4)7FM): seven stages with the first-same-as-last property, the 5th-order
/// solution propagated and the embedded 4th-order one used for the error estimate (local extrapolation), as in
/// Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, Table II.5.2 (DOPRI5), scipy's <c>RK45</c> and torchdiffeq's
/// <c>dopri5</c>. The state is a float64 tensor [B, …]; the error norm is per sample (see <see cref="OdeTolerances"/>).
/// </summary>
/// <remarks>
/// Step-size control: h_new = h·min(10, max(0.2, 0.9·err^{−1/5})) (Hairer et al., Eq. II.4.13; scipy's safety 0.9 and
/// factor bounds); after a rejection the step is not enlarged. The initial step follows Hairer et al. §II.4
/// ("Starting step size", scipy <c>select_initial_step</c>), which costs one extra evaluation. Time may run forwards or
/// backwards (t₁ &lt; t₀). The solver never disposes its input; intermediate tensors live in a dispose scope per step.
/// </remarks>
public static class DormandPrince45
{
    static readonly double[] C = [0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1];

    static readonly double[][] A =
    [
        [],
        [1.0 / 5],
        [3.0 / 40, 9.0 / 40],
        [44.0 / 45, -56.0 / 15, 32.0 / 9],
        [19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729],
        [9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656],
        [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84],
    ];

    /// <summary>b − b̂: the 5th-order weights minus the embedded 4th-order weights (scipy's <c>E</c>).</summary>
    static readonly double[] ErrorWeights =
        [-71.0 / 57600, 0, 71.0 / 16695, -71.0 / 1920, 17253.0 / 339200, -22.0 / 525, 1.0 / 40];

    const double Safety = 0.9, MinimumFactor = 0.2, MaximumFactor = 10;

    /// <summary>Integrates dy/dt = f(t, y) from (t₀, y₀) to t₁.</summary>
    /// <param name="derivative">f(t, y): returns a tensor of the shape of y (any floating dtype; used as float64). It must not dispose y.</param>
    /// <param name="initial">y(t₀), [B, …] with B ≥ 1 (copied to float64, never modified).</param>
    /// <param name="startTime">t₀.</param>
    /// <param name="endTime">t₁ ≠ t₀ (either side of t₀).</param>
    /// <param name="tolerances">rtol, atol and the step limit.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <exception cref="ArgumentException">For a state without a batch dimension, equal or non-finite times, or a derivative of another shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For invalid tolerances.</exception>
    /// <exception cref="OdeStepLimitException">When the step limit is exhausted, the step size underflows or f is not finite.</exception>
    public static OdeSolution Solve(Func<double, Tensor, Tensor> derivative, Tensor initial, double startTime, double endTime,
        OdeTolerances tolerances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(derivative);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(tolerances);
        tolerances.Validate();
        if (initial.dim() < 1 || initial.shape[0] < 1)
            throw new ArgumentException($"the state must be [B ≥ 1, …]; got {Shapes.Format(initial)}.", nameof(initial));
        if (!double.IsFinite(startTime) || !double.IsFinite(endTime) || startTime == endTime)
            throw new ArgumentException($"the times must be finite and different; got t₀ = {startTime}, t₁ = {endTime}.", nameof(endTime));

        double direction = Math.Sign(endTime - startTime);
        int evaluations = 0, accepted = 0, rejected = 0;
        using var outer = NewDisposeScope();
        var y = initial.to_type(ScalarType.Float64, copy: true);
        var f = Evaluate(derivative, startTime, y, ref evaluations);
        double t = startTime;
        double h = InitialStep(derivative, t, y, f, direction, Math.Abs(endTime - startTime), tolerances, ref evaluations);
        bool lastRejected = false;
        var k = new Tensor[7];
        while (direction * (endTime - t) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (accepted + rejected >= tolerances.MaximumSteps)
                throw new OdeStepLimitException(t, endTime, $"{tolerances.MaximumSteps} steps did not suffice (rtol = {tolerances.Relative}, atol = {tolerances.Absolute}).");
            double minimumStep = 10 * Math.Abs(Math.BitIncrement(Math.Abs(t)) - Math.Abs(t));
            if (h < minimumStep)
                throw new OdeStepLimitException(t, endTime, $"the step size {h:G3} fell below the resolution of t.");
            double step = Math.Min(h, Math.Abs(endTime - t));
            bool last = step == Math.Abs(endTime - t);
            double hSigned = direction * step, nextTime = last ? endTime : t + hSigned;

            using var scope = NewDisposeScope();
            k[0] = f;
            Tensor yNew = null!;
            for (int stage = 1; stage < 7; stage++)
            {
                var stageState = y.clone();
                for (int j = 0; j < stage; j++)
                {
                    if (A[stage][j] != 0) stageState.AddScaledInPlace(k[j], hSigned * A[stage][j]);
                }
                if (stage == 6) yNew = stageState; // A[6] are the 5th-order weights b: stage 7 is evaluated at y_new (FSAL)
                k[stage] = Evaluate(derivative, stage >= 5 ? nextTime : t + C[stage] * hSigned, stageState, ref evaluations);
            }
            var error = zeros_like(y);
            for (int j = 0; j < 7; j++)
            {
                if (ErrorWeights[j] != 0) error.AddScaledInPlace(k[j], hSigned * ErrorWeights[j]);
            }
            var scale = maximum(y.abs(), yNew.abs()).Multiply(tolerances.Relative).Add(tolerances.Absolute);
            double errorNorm = RowNorm(error.div(scale));
            if (!double.IsFinite(errorNorm))
                throw new OdeStepLimitException(t, endTime, $"the right-hand side or the error estimate is not finite at h = {step:G3}.");

            if (errorNorm <= 1)
            {
                accepted++;
                t = nextTime;
                var keepState = yNew.MoveToOuterDisposeScope();
                var keepSlope = k[6].MoveToOuterDisposeScope();
                y.Dispose();
                f.Dispose();
                y = keepState;
                f = keepSlope;
                double factor = errorNorm == 0 ? MaximumFactor : Math.Min(MaximumFactor, Safety * Math.Pow(errorNorm, -0.2));
                if (lastRejected) factor = Math.Min(1, factor);
                h = step * factor;
                lastRejected = false;
            }
            else
            {
                rejected++;
                h = step * Math.Max(MinimumFactor, Safety * Math.Pow(errorNorm, -0.2));
                lastRejected = true;
            }
        }
        f.Dispose();
        return new OdeSolution(y.MoveToOuterDisposeScope(), evaluations, accepted, rejected);
    }

    /// <summary>
    /// The starting step of Hairer et al. §II.4: h₀ = 0.01·d₀/d₁ (or 10⁻⁶ for tiny states or slopes), one explicit
    /// Euler probe, then h₁ = (0.01/max(d₁, d₂))^{1/5}; returns min(100·h₀, h₁, |t₁ − t₀|).
    /// </summary>
    static double InitialStep(Func<double, Tensor, Tensor> derivative, double t, Tensor y, Tensor f, double direction,
        double span, OdeTolerances tolerances, ref int evaluations)
    {
        using var scope = NewDisposeScope();
        var scale = y.abs().Multiply(tolerances.Relative).Add(tolerances.Absolute);
        double d0 = RowNorm(y.div(scale)), d1 = RowNorm(f.div(scale));
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.Min(h0, span);
        var y1 = y.AddScaled(f, direction * h0);
        var f1 = Evaluate(derivative, t + direction * h0, y1, ref evaluations);
        double d2 = RowNorm(f1.Subtract(f).div(scale)) / h0;
        double h1 = d1 <= 1e-15 && d2 <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / Math.Max(d1, d2), 0.2);
        return Math.Min(Math.Min(100 * h0, h1), span);
    }

    static Tensor Evaluate(Func<double, Tensor, Tensor> derivative, double t, Tensor y, ref int evaluations)
    {
        evaluations++;
        var value = derivative(t, y);
        if (!value.shape.SequenceEqual(y.shape))
            throw new ArgumentException($"the derivative returned {Shapes.Format(value)} for a state {Shapes.Format(y)} at t = {t}.", nameof(derivative));
        return value.dtype == ScalarType.Float64 ? value : value.to_type(ScalarType.Float64);
    }

    /// <summary>max over rows of the root mean square over each row's components.</summary>
    static double RowNorm(Tensor scaled)
    {
        using var scope = NewDisposeScope();
        var rows = scaled.reshape(scaled.shape[0], -1);
        return rows.Square().mean([1]).sqrt().max().item<double>();
    }
}
