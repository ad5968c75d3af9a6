/* Plain C reference of the HMC leapfrog for the hopping-form lattice phi^4 action (issue 14 benchmark baseline):
 * one chain, float64, neighbour tables, the same kick-drift-kick sequence as ScoreScope.Lattice.HybridMonteCarlo:
 * p += dt/2 F(phi); repeat n: phi += dt p; p += dt F(phi) (dt/2 on the last step),
 * F(x) = 2 kappa sum_mu [phi(x+mu) + phi(x-mu)] - 2(1 - 2 lambda) phi(x) - 4 lambda phi(x)^3.
 * Compiled by the benchmark with gcc -O3 -march=native -shared -fPIC. */

static void add_force(const double *phi, double *p, const int *neighbours, int volume, int links,
                      double kappa, double lambda, double scale)
{
    const double two_kappa = 2.0 * kappa * scale, mass = 2.0 * (1.0 - 2.0 * lambda) * scale, quartic = 4.0 * lambda * scale;
    for (int x = 0; x < volume; x++) {
        const int *nb = neighbours + (long)x * links;
        double hop = 0.0;
        for (int k = 0; k < links; k++) hop += phi[nb[k]];
        const double f = phi[x];
        p[x] += two_kappa * hop - f * (mass + quartic * f * f);
    }
}

/* neighbours: [volume, links] with links = 2D entries per site (x+mu, x-mu for each mu). */
void leapfrog(double *phi, double *p, const int *neighbours, int volume, int links,
              double kappa, double lambda, int steps, double dt)
{
    add_force(phi, p, neighbours, volume, links, kappa, lambda, 0.5 * dt);
    for (int s = 0; s < steps; s++) {
        for (int x = 0; x < volume; x++) phi[x] += dt * p[x];
        add_force(phi, p, neighbours, volume, links, kappa, lambda, s == steps - 1 ? 0.5 * dt : dt);
    }
}
