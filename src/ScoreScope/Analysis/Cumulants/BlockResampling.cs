using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// The two block-resampling error estimates shared by <see cref="BlockedCumulants"/> and <see cref="BlockedMeans"/>:
/// the delete-one-block jackknife (Efron &amp; Stein 1981) and the block bootstrap (Künsch 1989).
/// </summary>
internal static class BlockResampling
{
    /// <summary>Jackknife standard errors √((B−1)/B·Σᵢ(θ₋ᵢ − θ̄)²) per component, from the B leave-one-block-out estimates.</summary>
    public static double[] JackknifeErrors(double[][] leaveOut)
    {
        int blocks = leaveOut.Length, width = leaveOut[0].Length;
        var errors = new double[width];
        for (int j = 0; j < width; j++)
        {
            double mean = 0;
            for (int i = 0; i < blocks; i++) mean += leaveOut[i][j];
            mean /= blocks;
            double ss = 0;
            for (int i = 0; i < blocks; i++) ss += (leaveOut[i][j] - mean) * (leaveOut[i][j] - mean);
            errors[j] = Math.Sqrt((blocks - 1.0) / blocks * ss);
        }
        return errors;
    }

    /// <summary>
    /// Block-bootstrap standard errors per component: <paramref name="replicates"/> resamplings of the blocks with
    /// replacement (seeded), each given to <paramref name="statistic"/> as the number of copies of every block.
    /// All NaN when fewer than two replicates are asked for.
    /// </summary>
    public static double[] BootstrapErrors(int blocks, int width, int replicates, ulong seed, Func<int[], double[]> statistic)
    {
        var errors = new double[width];
        if (replicates < 2)
        {
            Array.Fill(errors, double.NaN);
            return errors;
        }
        long[] picks;
        using (var g = new Generator(seed, device: CPU))
        using (var idx = randint(0, blocks, [replicates, blocks], dtype: ScalarType.Int64, generator: g))
            picks = idx.data<long>().ToArray();
        var sum = new double[width];
        var sum2 = new double[width];
        var copies = new int[blocks];
        for (int r = 0; r < replicates; r++)
        {
            Array.Clear(copies);
            for (int i = 0; i < blocks; i++) copies[picks[r * blocks + i]]++;
            var st = statistic(copies);
            for (int j = 0; j < width; j++) { sum[j] += st[j]; sum2[j] += st[j] * st[j]; }
        }
        for (int j = 0; j < width; j++)
        {
            double mean = sum[j] / replicates;
            errors[j] = Math.Sqrt(Math.Max(0, (sum2[j] - replicates * mean * mean) / (replicates - 1)));
        }
        return errors;
    }
}
