using Governance.Core.Configuration;
using Governance.Worker;
using Governance.Worker.Commands;

switch (args)
{
    case ["bench", "training", .. var options]: return TrainingBenchCommand.Run(options, Console.Out);
    case ["tiny-base", .. var options]: return TinyBaseCommand.Run(options, Console.Out);
    case ["probe", .. var options]: return BiasProbeCommand.Run(options, Console.Out);
}

try
{
    await WorkerHost.Create(args).Build().RunAsync();
    return 0;
}
catch (ConfigurationError error)
{
    Console.Error.WriteLine($"Governance.Worker cannot start. {error.Message}");
    return 2;
}
