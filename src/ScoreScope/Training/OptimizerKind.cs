namespace ScoreScope.Training;

/// <summary>The optimizers a <see cref="Trainer"/> can use (TorchSharp's implementations).</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma &amp; Ba 2015), L2 penalty as weight decay.</summary>
    Adam,

    /// <summary>AdamW, decoupled weight decay (Loshchilov &amp; Hutter 2019).</summary>
    AdamW,
}
