using Governance.Core.Configuration;
using Governance.Data.Audit;

namespace Governance.Cli.Commands;

/// <summary>`governance audit verify`: checks the hash chain of the audit trail and names the first broken entry.</summary>
internal static class AuditCommand
{
    public static async Task<int> VerifyAsync(CliArguments arguments, SettingReader settings, TextWriter output, TextWriter error)
    {
        arguments.AllowOnly();
        var (factory, _) = await DatasetCommands.OpenAsync(settings);
        var trail = new AuditTrail(factory, TimeProvider.System);
        var count = await trail.CountAsync();
        if (await trail.VerifyAsync() is { } broken)
        {
            await error.WriteLineAsync($"The audit trail is broken at entry {broken.Sequence}: {broken.Problem}.");
            return 1;
        }
        await output.WriteLineAsync($"The audit trail is whole: {count} entries, each chained to the one before.");
        return 0;
    }
}
