using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// The architecture and sizes of a <see cref="ScoreNetwork"/>, serialised as JSON with a <c>"kind"</c> discriminator
/// (<c>"mlp"</c> or <c>"unet"</c>) so that a saved model rebuilds its network from the recorded config.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(MlpOptions), "mlp")]
[JsonDerivedType(typeof(UNetOptions), "unet")]
public abstract record NetworkOptions
{
    /// <summary>Builds a float32 CPU network for samples of shape <paramref name="eventShape"/>, initialised from <paramref name="generator"/>.</summary>
    public abstract ScoreNetwork Build(long[] eventShape, Generator generator);
}
