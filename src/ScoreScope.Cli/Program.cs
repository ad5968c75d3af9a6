using ScoreScope.Cli;

return ScoreScopeApp.Run(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected, handleTermination: true);
