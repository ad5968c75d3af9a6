namespace ScoreScope.Tests.Infrastructure;

/// <summary>
/// Tests that touch process-global libtorch state (thread count, default dtype) or run whole CLI commands in-process
/// (which set the thread count for the duration of a run) belong to this collection. It runs with parallelisation
/// disabled, i.e. after the parallel collections and alone, so no other test observes the change (STYLE B8).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchGlobalStateCollection
{
    /// <summary>The collection name for <c>[Collection(TorchGlobalStateCollection.Name)]</c>.</summary>
    public const string Name = "TorchGlobalState";
}
