using Governance.Core.Configuration;
using Governance.Worker;

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
