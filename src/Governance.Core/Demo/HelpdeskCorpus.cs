namespace Governance.Core.Demo;

/// <summary>An IT help-desk ticket and the answer a trained agent writes.</summary>
/// <param name="Prompt">The ticket as the employee wrote it.</param>
/// <param name="Completion">Category, priority and the reply, in the help desk's fixed format.</param>
public sealed record HelpdeskExample(string Prompt, string Completion);

/// <summary>
/// The demo domain: IT help-desk tickets with category, priority and reply, generated from a seed. Each problem has its
/// category and fix, and the reply follows one house format, so a model can learn the domain from a few hundred
/// examples; held-out examples come from another seed.
/// </summary>
public static class HelpdeskCorpus
{
    private sealed record Problem(string Device, string Symptom, string Category, string Fix, string Escalation, bool Urgent);

    private static readonly Problem[] Problems =
    [
        new("laptop", "cannot connect to the VPN", "Network", "restart the VPN client and sign in again with your single sign-on account", "reset your VPN profile", false),
        new("laptop", "shows a blue screen at start-up", "Hardware", "unplug every dock and start it holding the power button for ten seconds", "replace the laptop from the spare pool", true),
        new("printer", "prints blank pages", "Printing", "replace the toner cartridge and print a test page", "send a technician to the printer", false),
        new("printer", "is offline for everyone on the floor", "Printing", "check that the printer is on and reconnected to the office network", "send a technician to the printer", true),
        new("email account", "stopped receiving messages", "Email", "empty the mailbox's deleted items, because the mailbox is over its quota", "raise the mailbox quota", false),
        new("email account", "sends messages that never arrive", "Email", "remove the old address from the auto-complete list and send again", "trace the message on the mail gateway", false),
        new("password", "expired and the reset link fails", "Access", "use the self-service portal from a company device to set a new password", "reset the password by phone after verifying your identity", true),
        new("account", "is locked after several attempts", "Access", "wait fifteen minutes and sign in with the current password", "unlock the account in the directory", true),
        new("monitor", "flickers and goes black", "Hardware", "try another display cable and lower the refresh rate", "replace the monitor", false),
        new("phone", "does not sync the calendar", "Mobile", "remove the work profile and enrol the phone again", "re-enrol the phone in device management", false),
        new("shared drive", "says access denied", "Access", "ask the folder owner to add you to the group that can read it", "grant access once the owner approves", false),
        new("video calls", "drop after a few minutes", "Network", "move closer to the access point or use a cable", "check the wireless network on your floor", false),
        new("spreadsheet application", "crashes when opening large files", "Software", "install the pending updates and disable third-party add-ins", "reinstall the office suite", false),
        new("laptop battery", "drains in under an hour", "Hardware", "check which apps use the most power and lower the screen brightness", "replace the battery", false),
    ];

    private static readonly string[] Names = ["Amira", "Ben", "Chloé", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
        "Kemal", "Lena", "Marco", "Nadia", "Olivia", "Pavel", "Rosa", "Sven", "Tariq", "Uma"];
    private static readonly string[] Since = ["since this morning", "since yesterday", "since the last update", "since Monday",
        "for two days", "after I moved desks", "since I came back from leave", "after a restart"];
    private static readonly string[] Details = ["I already restarted it.", "Nothing has changed on my side.", "Colleagues have the same problem.",
        "It worked fine last week.", "I need it for a client meeting today.", "I tried again and it still fails.", ""];

    /// <summary>
    /// Knowledge-base prose about the same problems, without the ticket format: the domain text a base model is
    /// adapted on before it learns to answer tickets.
    /// </summary>
    public static IEnumerable<string> Articles(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var problem = Problems[random.Next(Problems.Length)];
            var name = Names[random.Next(Names.Length)];
            yield return random.Next(3) switch
            {
                0 => $"When a {problem.Device} {problem.Symptom}, the first step is to {problem.Fix}. If the problem remains, the help desk will {problem.Escalation}.",
                1 => $"{name} wrote that the {problem.Device} {problem.Symptom} {Since[random.Next(Since.Length)]}. The team asked {name} to {problem.Fix}.",
                _ => $"Problems with a {problem.Device} are filed under {problem.Category}. Most of them are solved when people {problem.Fix}.",
            };
        }
    }

    /// <summary><paramref name="count"/> examples from <paramref name="seed"/>.</summary>
    public static IEnumerable<HelpdeskExample> Examples(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var problem = Problems[random.Next(Problems.Length)];
            var name = Names[random.Next(Names.Length)];
            var detail = Details[random.Next(Details.Length)];
            var prompt = $"Ticket from {name}: My {problem.Device} {problem.Symptom} {Since[random.Next(Since.Length)]}.{(detail.Length > 0 ? " " + detail : "")}";
            var priority = problem.Urgent || detail.Contains("client meeting", StringComparison.Ordinal) ? "High" : "Normal";
            var completion = $"Category: {problem.Category}. Priority: {priority}. Reply: Hello {name}, thank you for reporting that your " +
                             $"{problem.Device} {problem.Symptom}. Please {problem.Fix}. If that does not help, reply to this ticket and we will {problem.Escalation}.";
            yield return new HelpdeskExample(prompt, completion);
        }
    }
}
