// Run a paper experiment as a library call and read its claims: the spectral-gaps experiment (Ventura et al. 2024,
// arXiv 2410.05898) with the quick preset shrunk to a tiny training budget, written into a temporary run folder.
// The exact-score claims (closed forms, independent of the budget) must hold; the trained-model claims at this budget
// are findings. Exit 1 when a checked claim fails. Run: dotnet run examples/run-experiment.cs
#:project ../src/ScoreScope.Experiments/ScoreScope.Experiments.csproj

using ScoreScope.Experiments;
using ScoreScope.Experiments.Spectra;

TorchSharp.torch.set_num_threads(1);
var experiment = new SpectraExperiment();
Console.WriteLine($"{experiment.Name}: {experiment.Summary}");
// Any parameter of the record can be changed, as `--set name=value` does on the command line.
var parameters = experiment.Quick with { TrainingSteps = 10, TrainedTimes = 4, Points = 3, Seed = 11 };
string folder = Directory.CreateTempSubdirectory("scorescope-example-").FullName;
try
{
    var outcome = experiment.Run(parameters, new ExperimentContext(folder, NoProgress.Instance));
    foreach (var claim in outcome.Claims.Claims.Where(c => c.Checked))
        Console.WriteLine($"{(claim.Holds ? "holds " : "FAILS ")} {claim.Name}: expected {claim.Expected}, measured {claim.Measured} ({claim.Tolerance})");
    Console.WriteLine($"{outcome.Claims.Claims.Count(c => !c.Checked)} findings (not enforced at this budget); {outcome.Figures.Count} figures in {folder}");
    string[] exact = ["exact-eigenvalues-ve", "exact-eigenvalues-vp", "score-matrix-svd"];
    var failed = outcome.Claims.Claims.Where(c => exact.Contains(c.Name) && !(c.Checked && c.Holds)).ToArray();
    bool allExactPresent = exact.All(name => outcome.Claims.Claims.Any(c => c.Name == name));
    Console.WriteLine(failed.Length == 0 && allExactPresent ? "the exact-score claims hold" : "an exact-score claim is missing or fails");
    return failed.Length == 0 && allExactPresent ? 0 : 1;
}
finally
{
    Directory.Delete(folder, recursive: true);
}
