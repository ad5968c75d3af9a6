namespace ScoreScope.Training;

/// <summary>Why a model or checkpoint file was refused (<see cref="ModelFileException.Problem"/>).</summary>
public enum ModelFileProblem
{
    /// <summary>The file ends before the length its header records (or inside the header).</summary>
    Truncated,

    /// <summary>A SHA-256 checksum does not match: the bytes changed after writing.</summary>
    Corrupted,

    /// <summary>The file does not start with the ScoreScope model header.</summary>
    NotAModelFile,

    /// <summary>A format version this ScoreScope does not read.</summary>
    UnsupportedVersion,

    /// <summary>The payload verified but does not parse (weights that do not match the recorded config).</summary>
    Unreadable,
}
