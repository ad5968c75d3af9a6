namespace ScoreScope.SimplicityBias;

/// <summary>
/// A hidden-unit activation g with its derivative g′, as used by the teacher–student denoisers of Bardone, Merger
/// &amp; Goldt (2026), arXiv 2603.12901 (DiffusionEasy2Hard <c>MCM_twolayer_minimal/twolayer.py</c>).
/// </summary>
public sealed class Activation
{
    readonly Func<double, double> _value, _derivative;

    Activation(string name, Func<double, double> value, Func<double, double> derivative) =>
        (Name, _value, _derivative) = (name, value, derivative);

    /// <summary>The name (tanh, relu, scaled-tanh, square, relu-square, tanh-square, sigmoid).</summary>
    public string Name { get; }

    /// <summary>g(u).</summary>
    public double Value(double u) => _value(u);

    /// <summary>g′(u) (for ReLU, 0 at u ≤ 0).</summary>
    public double Derivative(double u) => _derivative(u);

    /// <summary>tanh u.</summary>
    public static Activation Tanh { get; } = new("tanh", Math.Tanh, u => { double t = Math.Tanh(u); return 1 - t * t; });

    /// <summary>max(u, 0).</summary>
    public static Activation Relu { get; } = new("relu", u => u > 0 ? u : 0, u => u > 0 ? 1 : 0);

    /// <summary>0.1·tanh(10u), the code's <c>scaled_tanh</c>.</summary>
    public static Activation ScaledTanh { get; } = new("scaled-tanh", u => 0.1 * Math.Tanh(10 * u), u => { double t = Math.Tanh(10 * u); return 1 - t * t; });

    /// <summary>u².</summary>
    public static Activation Square { get; } = new("square", u => u * u, u => 2 * u);

    /// <summary>max(u, 0)².</summary>
    public static Activation ReluSquare { get; } = new("relu-square", u => u > 0 ? u * u : 0, u => u > 0 ? 2 * u : 0);

    /// <summary>tanh² u.</summary>
    public static Activation TanhSquare { get; } = new("tanh-square", u => { double t = Math.Tanh(u); return t * t; }, u => { double t = Math.Tanh(u); return 2 * t * (1 - t * t); });

    /// <summary>1/(1 + e^{−u}).</summary>
    public static Activation Sigmoid { get; } = new("sigmoid", u => 1 / (1 + Math.Exp(-u)), u => { double p = 1 / (1 + Math.Exp(-u)); return p * (1 - p); });

    /// <summary>Every built-in activation.</summary>
    public static IReadOnlyList<Activation> All { get; } = [Tanh, Relu, ScaledTanh, Square, ReluSquare, TanhSquare, Sigmoid];

    /// <inheritdoc/>
    public override string ToString() => Name;
}
