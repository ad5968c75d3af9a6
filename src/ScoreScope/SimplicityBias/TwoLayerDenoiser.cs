using System.Numerics.Tensors;
using ScoreScope.Data.MixedCumulant;
using ScoreScope.Numerics;

namespace ScoreScope.SimplicityBias;

/// <summary>
/// The two-layer ε-predictor ε̂(x) = s·x + Σᵢ oᵢ·g(c·wᵢ·x), c = α/δ, with oᵢ = wᵢ (tied) or a second layer vᵢ
/// (untied), trained online on fresh samples x = α·a + δ·z of a data law, in plain float64 arrays: one sample costs
/// O(d·m) and a step allocates nothing.
/// </summary>
/// <remarks>
/// Bardone, Merger &amp; Goldt (2026), arXiv 2603.12901; DiffusionEasy2Hard <c>MCM_twolayer_minimal/twolayer.py</c>
/// (<c>TwoLayer</c>: tied, learnable skip) and <c>train.py</c> (<c>sgd_update</c>, <c>norm=True</c> row renormalisation).
/// Gradients of L = (1/B)Σ‖r‖²/d, r = ε̂ − z: ∂L/∂s = (2/Bd)Σ r·x; tied ∂L/∂wᵢ = (2/Bd)Σ[gᵢ r + c g′ᵢ (wᵢ·r) x];
/// untied ∂L/∂vᵢ = (2/Bd)Σ gᵢ r, ∂L/∂wᵢ = (2/Bd)Σ c g′ᵢ (vᵢ·r) x.
/// </remarks>
public sealed class TwoLayerDenoiser
{
    const double AdamBeta1 = 0.9, AdamBeta2 = 0.999, AdamEpsilon = 1e-8;

    readonly TeacherStudentOptions _options;
    readonly int _d, _m;
    readonly double[] _w, _v, _gradW, _gradV, _adamW1, _adamW2, _adamV1, _adamV2;
    readonly double[] _a, _z, _x, _r, _hidden, _derivative;
    double _adamS1, _adamS2, _gradS;
    long _adamStep;

    /// <summary>A freshly initialised denoiser for data in R^d (weights N(0, scale²/d) drawn from <paramref name="random"/>).</summary>
    public TwoLayerDenoiser(int dimension, TeacherStudentOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "must be ≥ 1.");
        _options = options;
        (_d, _m) = (dimension, options.HiddenUnits);
        bool untied = options.Architecture == DenoiserArchitecture.Untied;
        bool adam = options.Optimizer == DenoiserOptimizer.Adam;
        _w = new double[_m * _d];
        _gradW = new double[_m * _d];
        _v = untied ? new double[_m * _d] : [];
        _gradV = untied ? new double[_m * _d] : [];
        _adamW1 = adam ? new double[_m * _d] : [];
        _adamW2 = adam ? new double[_m * _d] : [];
        _adamV1 = adam && untied ? new double[_m * _d] : [];
        _adamV2 = adam && untied ? new double[_m * _d] : [];
        (_a, _z, _x, _r) = (new double[_d], new double[_d], new double[_d], new double[_d]);
        (_hidden, _derivative) = (new double[_m], new double[_m]);
        StandardNormalDraws.Fill(random, _w);
        TensorPrimitives.Multiply(_w, options.InitialScale / Math.Sqrt(_d), _w);
        if (untied)
        {
            StandardNormalDraws.Fill(random, _v);
            TensorPrimitives.Multiply(_v, options.InitialScale / Math.Sqrt(_d), _v);
        }
        if (options.Optimizer == DenoiserOptimizer.SphericalSgd) NormaliseRows();
        Skip = options.InitialSkip;
        UsesFusedSingleNeuronStep = _m == 1 && !untied && !adam && options.BatchSize == 1;
    }

    /// <summary>The dimension d.</summary>
    public int Dimension => _d;

    /// <summary>The skip s.</summary>
    public double Skip { get; private set; }

    /// <summary>Row i of the first layer, wᵢ.</summary>
    public ReadOnlySpan<double> FirstLayerRow(int i) => _w.AsSpan(i * _d, _d);

    /// <summary>The largest normalised overlap maxᵢ |wᵢ·u|/‖wᵢ‖ of any hidden unit with the unit vector u.</summary>
    public double Overlap(ReadOnlySpan<double> direction)
    {
        double best = 0;
        for (int i = 0; i < _m; i++)
        {
            var row = FirstLayerRow(i);
            double norm = TensorPrimitives.Norm(row);
            if (norm > 0) best = Math.Max(best, Math.Abs(TensorPrimitives.Dot(row, direction)) / norm);
        }
        return best;
    }

    /// <summary>One optimiser step on <see cref="TeacherStudentOptions.BatchSize"/> fresh samples of <paramref name="data"/>; returns the batch loss.</summary>
    public double Step(IPointSampler data, Random random)
    {
        if (UsesFusedSingleNeuronStep) return FusedSingleNeuronStep(data, random);
        Array.Clear(_gradW);
        if (_gradV.Length > 0) Array.Clear(_gradV);
        _gradS = 0;
        double loss = 0;
        for (int b = 0; b < _options.BatchSize; b++)
        {
            data.Sample(_a, random);
            StandardNormalDraws.Fill(random, _z);
            loss += Accumulate(_a, _z, accumulateGradient: true);
        }
        Update();
        return loss / (_options.BatchSize * (double)_d);
    }

    /// <summary>Whether <see cref="Step"/> takes the fused path of the single tied neuron with batch 1 and (spherical) SGD
    /// (three passes over its vectors); internal switch so that tests can compare it with the general path.</summary>
    internal bool UsesFusedSingleNeuronStep { get; set; }

    /// <summary>The step of the general path for m = 1, tied, batch 1, without Adam, in three fused passes
    /// (<see cref="SingleNeuronKernels"/>): r = s·x − z + g(c w·x) w, ∂L/∂w = (2/d)[g r + c g′ (w·r) x], ∂L/∂s = (2/d) r·x.</summary>
    double FusedSingleNeuronStep(IPointSampler data, Random random)
    {
        var noise = _options.Noise;
        double c = noise.Scale;
        data.Sample(_a, random);
        StandardNormalDraws.Fill(random, _z);
        double wx = SingleNeuronKernels.NoisedInputAndResidual(_a, _z, _w, noise.Alpha, noise.Delta, Skip, _x, _r);
        double pre = c * wx;
        double hidden = _options.Activation.Value(pre), derivative = _options.Activation.Derivative(pre);
        var (squared, residualInput, rowResidual) = SingleNeuronKernels.AddHiddenAndDots(_r, _w, _x, hidden);
        double step = _options.LearningRate * 2.0 / _d;
        double normSquared = SingleNeuronKernels.UpdateRow(_w, _r, _x, -step * hidden, -step * c * derivative * rowResidual);
        if (_options.LearnSkip) Skip -= step * residualInput;
        if (_options.Optimizer == DenoiserOptimizer.SphericalSgd && normSquared > 0) TensorPrimitives.Multiply(_w, 1 / Math.Sqrt(normSquared), _w);
        return squared / _d;
    }

    /// <summary>The mean loss ‖ε̂(αa + δz) − z‖²/d over paired rows of a fixed test set (row-major, n × d).</summary>
    public double TestLoss(double[] data, double[] noise)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(noise);
        if (data.Length != noise.Length || data.Length % _d != 0)
            throw new ArgumentException($"test arrays of length {data.Length} and {noise.Length} are not n × d with d = {_d}.");
        int n = data.Length / _d;
        double total = 0;
        for (int k = 0; k < n; k++) total += Accumulate(data.AsSpan(k * _d, _d), noise.AsSpan(k * _d, _d), accumulateGradient: false);
        return total / (n * (double)_d);
    }

    double Accumulate(ReadOnlySpan<double> a, ReadOnlySpan<double> z, bool accumulateGradient)
    {
        var noise = _options.Noise;
        double c = noise.Scale;
        var x = _x.AsSpan();
        var r = _r.AsSpan();
        TensorPrimitives.Multiply(a, noise.Alpha, x);
        TensorPrimitives.MultiplyAdd(z, noise.Delta, x, x);
        TensorPrimitives.Multiply(x, Skip, r);
        TensorPrimitives.Subtract(r, z, r);
        bool tied = _v.Length == 0;
        for (int i = 0; i < _m; i++)
        {
            double pre = c * TensorPrimitives.Dot(_w.AsSpan(i * _d, _d), x);
            _hidden[i] = _options.Activation.Value(pre);
            _derivative[i] = _options.Activation.Derivative(pre);
            TensorPrimitives.MultiplyAdd(tied ? _w.AsSpan(i * _d, _d) : _v.AsSpan(i * _d, _d), _hidden[i], r, r);
        }
        double squared = TensorPrimitives.Dot(r, r);
        if (!accumulateGradient) return squared;
        _gradS += TensorPrimitives.Dot(r, x);
        for (int i = 0; i < _m; i++)
        {
            var gradW = _gradW.AsSpan(i * _d, _d);
            if (tied)
            {
                double projection = TensorPrimitives.Dot(_w.AsSpan(i * _d, _d), r);
                TensorPrimitives.MultiplyAdd(r, _hidden[i], gradW, gradW);
                TensorPrimitives.MultiplyAdd(x, c * _derivative[i] * projection, gradW, gradW);
            }
            else
            {
                double projection = TensorPrimitives.Dot(_v.AsSpan(i * _d, _d), r);
                var gradV = _gradV.AsSpan(i * _d, _d);
                TensorPrimitives.MultiplyAdd(r, _hidden[i], gradV, gradV);
                TensorPrimitives.MultiplyAdd(x, c * _derivative[i] * projection, gradW, gradW);
            }
        }
        return squared;
    }

    void Update()
    {
        double scale = 2.0 / (_options.BatchSize * (double)_d);
        double eta = _options.LearningRate;
        if (_options.Optimizer == DenoiserOptimizer.Adam)
        {
            _adamStep++;
            double correction1 = 1 - Math.Pow(AdamBeta1, _adamStep), correction2 = 1 - Math.Pow(AdamBeta2, _adamStep);
            AdamUpdate(_w, _gradW, _adamW1, _adamW2, scale, eta, correction1, correction2);
            if (_v.Length > 0) AdamUpdate(_v, _gradV, _adamV1, _adamV2, scale, eta, correction1, correction2);
            if (_options.LearnSkip)
            {
                double g = scale * _gradS;
                _adamS1 = AdamBeta1 * _adamS1 + (1 - AdamBeta1) * g;
                _adamS2 = AdamBeta2 * _adamS2 + (1 - AdamBeta2) * g * g;
                Skip -= eta * (_adamS1 / correction1) / (Math.Sqrt(_adamS2 / correction2) + AdamEpsilon);
            }
            return;
        }
        TensorPrimitives.MultiplyAdd(_gradW, -eta * scale, _w, _w);
        if (_v.Length > 0) TensorPrimitives.MultiplyAdd(_gradV, -eta * scale, _v, _v);
        if (_options.LearnSkip) Skip -= eta * scale * _gradS;
        if (_options.Optimizer == DenoiserOptimizer.SphericalSgd) NormaliseRows();
    }

    static void AdamUpdate(double[] p, double[] grad, double[] m1, double[] m2, double scale, double eta, double c1, double c2)
    {
        for (int k = 0; k < p.Length; k++)
        {
            double g = scale * grad[k];
            m1[k] = AdamBeta1 * m1[k] + (1 - AdamBeta1) * g;
            m2[k] = AdamBeta2 * m2[k] + (1 - AdamBeta2) * g * g;
            p[k] -= eta * (m1[k] / c1) / (Math.Sqrt(m2[k] / c2) + AdamEpsilon);
        }
    }

    void NormaliseRows()
    {
        for (int i = 0; i < _m; i++)
        {
            var row = _w.AsSpan(i * _d, _d);
            double norm = TensorPrimitives.Norm(row);
            if (norm > 0) TensorPrimitives.Multiply(row, 1 / norm, row);
        }
    }
}
