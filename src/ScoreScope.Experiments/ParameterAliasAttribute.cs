namespace ScoreScope.Experiments;

/// <summary>
/// An older name under which <c>--set</c> still accepts an experiment parameter (e.g. <c>train-steps</c> for
/// <c>training-steps</c>): every experiment spells the training budget <c>training-steps</c> and the sampler's step count
/// <c>sampling-steps</c>; the old spellings keep working but are not listed.
/// </summary>
/// <param name="name">The old kebab-case name.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class ParameterAliasAttribute(string name) : Attribute
{
    /// <summary>The old kebab-case name.</summary>
    public string Name { get; } = name;
}
