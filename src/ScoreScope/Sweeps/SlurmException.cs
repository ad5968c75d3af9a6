namespace ScoreScope.Sweeps;

/// <summary>A Slurm command (sbatch, squeue) that is missing or failed; the message says which and its output.</summary>
public sealed class SlurmException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SlurmException(string message, Exception? inner = null) : base(message, inner) { }
}
