using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using ScoreScope.Lattice;

namespace ScoreScope.Benchmarks;

/// <summary>
/// HMC leapfrog throughput, L = 32, D = 2, κ = 0.4, λ = 0.022, 10 steps of dt = 0.02 per invocation (issue 14 target:
/// site-updates/s/core ≥ 1.0× plain C). Baseline: native/leapfrog.c — one chain, neighbour tables, float64 — compiled
/// in <see cref="Setup"/> with <c>gcc -O3 -march=native</c> and timed in the same run. Every method reports time per
/// site-update (OperationsPerInvoke = sites × steps × chains), so Ratio = (C# time per site-update)/(C time per
/// site-update): the throughput relative to C is 1/Ratio and the target is Ratio ≤ 1.0. Setup checks that the C and
/// the C# one-chain leapfrog produce the same trajectory (to 1e-10) before anything is timed.
/// </summary>
[MedianColumn]
public class LeapfrogBenchmarks
{
    const int Size = 32, Steps = 10, Chains = 64;
    const double Kappa = 0.4, Lambda = 0.022, Dt = 0.02;
    const int Volume = Size * Size;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    delegate void NativeLeapfrog(double[] phi, double[] p, int[] neighbours, int volume, int links, double kappa, double lambda, int steps, double dt);

    NativeLeapfrog _native = null!;
    IntPtr _library;
    int[] _neighbours = [];
    double[] _cPhi = [], _cMomenta = [], _cStart = [];
    HybridMonteCarlo _many = null!, _one = null!;
    double[] _manyFields = [], _manyMomenta = [], _manyStart = [];
    double[] _oneFields = [], _oneMomenta = [], _oneStart = [];

    [GlobalSetup]
    public void Setup()
    {
        string folder = Path.Combine(Path.GetTempPath(), "scorescope-leapfrog-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        string source = Path.Combine(folder, "leapfrog.c"), library = Path.Combine(folder, "libleapfrog.so");
        using (var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("ScoreScope.Benchmarks.native.leapfrog.c")
            ?? throw new InvalidOperationException("embedded native/leapfrog.c is missing"))
        using (var file = File.Create(source)) resource.CopyTo(file);
        var gcc = Process.Start(new ProcessStartInfo("gcc", $"-O3 -march=native -shared -fPIC -o {library} {source}") { RedirectStandardError = true })!;
        string errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        if (gcc.ExitCode != 0) throw new InvalidOperationException($"gcc failed ({gcc.ExitCode}): {errors}");
        _library = NativeLibrary.Load(library);
        _native = Marshal.GetDelegateForFunctionPointer<NativeLeapfrog>(NativeLibrary.GetExport(_library, "leapfrog"));

        var lattice = new HypercubicLattice(Size, 2);
        _neighbours = new int[Volume * 4];
        for (int x = 0; x < Volume; x++)
            for (int mu = 0; mu < 2; mu++)
            {
                _neighbours[x * 4 + 2 * mu] = lattice.Forward(mu)[x];
                _neighbours[x * 4 + 2 * mu + 1] = lattice.Backward(mu)[x];
            }
        var action = new PhiFourAction(lattice, new PhiFourCouplings(Kappa, Lambda));
        var options = new HmcOptions(Steps, Dt);
        _many = new HybridMonteCarlo(action, Chains, 1, options);
        _one = new HybridMonteCarlo(action, 1, 1, options);
        (_manyStart, _manyFields, _manyMomenta) = (_many.Fields.ToArray(), new double[_many.Fields.Length], new double[_many.Fields.Length]);
        (_oneStart, _oneFields, _oneMomenta) = (_one.Fields.ToArray(), new double[Volume], new double[Volume]);
        _cStart = _oneStart.ToArray();
        (_cPhi, _cMomenta) = (new double[Volume], new double[Volume]);

        // The two implementations integrate the same trajectory: check once before timing.
        Reset(_oneStart, _oneFields, _oneMomenta);
        _one.Integrate(_oneFields, _oneMomenta, options);
        Reset(_cStart, _cPhi, _cMomenta);
        _native(_cPhi, _cMomenta, _neighbours, Volume, 4, Kappa, Lambda, Steps, Dt);
        double worst = _oneFields.Zip(_cPhi, (a, b) => Math.Abs(a - b)).Max();
        if (worst > 1e-10) throw new InvalidOperationException($"C and C# leapfrog differ by {worst}");
    }

    static void Reset(double[] start, double[] fields, double[] momenta)
    {
        Array.Copy(start, fields, start.Length);
        for (int i = 0; i < momenta.Length; i++) momenta[i] = Math.Sin(i);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_library != IntPtr.Zero) NativeLibrary.Free(_library);
    }

    /// <summary>Plain C, one chain (gcc -O3 -march=native).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Volume * Steps)]
    public double CLeapfrogOneChain()
    {
        Reset(_cStart, _cPhi, _cMomenta);
        _native(_cPhi, _cMomenta, _neighbours, Volume, 4, Kappa, Lambda, Steps, Dt);
        return _cPhi[0];
    }

    /// <summary>ScoreScope, 64 chains vectorised across chains.</summary>
    [Benchmark(OperationsPerInvoke = Volume * Steps * Chains)]
    public double CSharpLeapfrog64Chains()
    {
        Reset(_manyStart, _manyFields, _manyMomenta);
        _many.Integrate(_manyFields, _manyMomenta, _many.Options);
        return _manyFields[0];
    }

    /// <summary>ScoreScope, one chain (no vectorisation possible across chains).</summary>
    [Benchmark(OperationsPerInvoke = Volume * Steps)]
    public double CSharpLeapfrogOneChain()
    {
        Reset(_oneStart, _oneFields, _oneMomenta);
        _one.Integrate(_oneFields, _oneMomenta, _one.Options);
        return _oneFields[0];
    }
}
