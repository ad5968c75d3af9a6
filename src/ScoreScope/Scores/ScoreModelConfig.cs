using ScoreScope.Processes;

namespace ScoreScope.Scores;

/// <summary>
/// Everything needed to rebuild a <see cref="ScoreModel"/> in a fresh process (serialised as JSON inside every model
/// file and checkpoint): the event shape, the forward process, the network architecture, the parametrisation with its
/// σ_data, and the noise condition fed to the time embedding.
/// </summary>
/// <param name="EventShape">The shape of one sample, e.g. [2].</param>
/// <param name="Process">The forward process whose a(t), b(t) the parametrisation uses.</param>
/// <param name="Network">The network architecture and sizes.</param>
/// <param name="Parametrisation">What the network output stands for.</param>
/// <param name="SigmaData">σ_data; null means "estimate from the training data" (resolved by the trainer before building).</param>
/// <param name="NoiseConditioning">The scalar fed to the time embedding.</param>
public sealed record ScoreModelConfig(
    long[] EventShape,
    ForwardProcessSpec Process,
    NetworkOptions Network,
    ParametrisationKind Parametrisation = ParametrisationKind.Edm,
    double? SigmaData = null,
    NoiseConditioning NoiseConditioning = NoiseConditioning.LogNoiseToSignal);
