namespace ScoreScope.IO;

/// <summary>The little-endian element types ScoreScope reads from <c>.npy</c> files (numpy dtype strings in brackets).</summary>
public enum NpyDataType
{
    /// <summary>32-bit IEEE float (<c>'&lt;f4'</c>).</summary>
    Float32,

    /// <summary>64-bit IEEE float (<c>'&lt;f8'</c>).</summary>
    Float64,

    /// <summary>32-bit signed integer (<c>'&lt;i4'</c>), read as float64.</summary>
    Int32,

    /// <summary>64-bit signed integer (<c>'&lt;i8'</c>), read as float64.</summary>
    Int64,

    /// <summary>8-bit unsigned integer (<c>'|u1'</c>), e.g. image pixels, read as float64.</summary>
    UInt8,
}
