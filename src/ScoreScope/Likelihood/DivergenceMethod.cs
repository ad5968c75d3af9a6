namespace ScoreScope.Likelihood;

/// <summary>How the divergence ∇·s(x, t) = tr ∇ₓs of a score is computed inside the likelihood ODE.</summary>
public enum DivergenceMethod
{
    /// <summary>
    /// The exact trace: the D vector–Jacobian products eᵢᵀ∇ₓs of every point (D the event size), computed as one replicated
    /// batch of B·D rows with one-hot output gradients (a few large passes instead of D passes over the batch).
    /// Required for exact Metropolis–Hastings corrections (an estimated divergence biases them).
    /// </summary>
    Exact,

    /// <summary>
    /// Hutchinson's estimator εᵀ(∇ₓs)ε with K probes held fixed along the ODE path (Grathwohl et al. 2019, FFJORD, §3.1;
    /// score_sde <c>get_likelihood_fn(hutchinson_type=…)</c>): one forward pass and K vector–Jacobian products.
    /// </summary>
    Hutchinson,
}
