using Governance.Core.Configuration;
using Governance.Portal;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddGovernancePortal();
    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.MapGovernancePortal();
    await app.RunAsync();
    return 0;
}
catch (ConfigurationError error)
{
    Console.Error.WriteLine($"Governance.Portal cannot start. {error.Message}");
    return 2;
}

/// <summary>The portal's entry point, visible to functional tests.</summary>
public partial class Program;
