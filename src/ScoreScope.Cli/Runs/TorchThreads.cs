using static TorchSharp.torch;

namespace ScoreScope.Cli.Runs;

/// <summary>Runs work with a given libtorch intra-op thread count (process-global), restoring the previous count after.</summary>
public static class TorchThreads
{
    /// <summary>Runs <paramref name="work"/> with <paramref name="threads"/> libtorch threads.</summary>
    public static T With<T>(int threads, Func<T> work)
    {
        int previous = get_num_threads();
        set_num_threads(threads);
        try
        {
            return work();
        }
        finally
        {
            set_num_threads(previous);
        }
    }
}
