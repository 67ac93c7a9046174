namespace Governance.Core.Demo;

/// <summary>
/// Plain English text about everyday subjects, generated from a small grammar and a seed: the corpus the built-in tiny
/// base model is pretrained on. It uses everyday office and device words too (a laptop, the VPN client, a password), but
/// never the help desk's ticket format, its categories or its fixes: fine-tuning on <see cref="HelpdeskCorpus"/> still
/// has a whole task to learn. The same seed gives the same text on every machine.
/// </summary>
public static class GeneralCorpus
{
    private static readonly string[] People = ["my neighbour", "the teacher", "a farmer", "the old captain", "my sister", "the baker",
        "a young painter", "the mayor", "our guide", "the gardener", "a traveller", "the doctor", "my grandfather", "the children"];
    private static readonly string[] Places = ["the market", "the harbour", "a small village", "the mountains", "the library", "the river",
        "the old town", "the forest", "the museum", "the coast", "the square", "a quiet valley", "the station", "the park"];
    private static readonly string[] Things = ["fresh bread", "a wooden boat", "the autumn leaves", "a letter", "old maps", "ripe apples",
        "a blue kite", "the evening news", "a heavy coat", "warm soup", "a book of poems", "wild flowers", "a silver bell", "the tide"];
    private static readonly string[] Verbs = ["carried", "painted", "found", "sold", "described", "watched", "remembered", "bought",
        "collected", "shared", "noticed", "cooked", "repaired", "planted"];
    private static readonly string[] Times = ["in the morning", "after the storm", "every spring", "before sunset", "on Sunday",
        "during the festival", "last winter", "at dawn", "late at night", "in the summer", "after lunch", "once a year"];
    private static readonly string[] Feelings = ["happy", "tired", "curious", "proud", "calm", "surprised", "cheerful", "patient"];
    private static readonly string[] Office = ["the office", "the new computer", "an old laptop", "the phone", "a long email",
        "the meeting room", "the printer downstairs", "a shared calendar", "the company website", "a password", "the screen",
        "the network", "a software update", "the train timetable", "a spreadsheet", "the video call", "the account", "a cable", "the VPN client", "the monitor",
        "a toner cartridge", "the mailbox", "the battery", "the wireless access point", "a display cable", "the docking station",
        "the calendar app", "the shared drive", "the folder", "the directory", "the device", "the power button", "the office suite",
        "the self-service portal", "the single sign-on page", "the add-ins", "the mail gateway", "a test page", "the work profile"];
    private static readonly string[] Work = ["reported", "fixed", "checked", "updated", "installed", "replaced", "restarted", "sent",
        "opened", "closed", "connected", "moved", "lost", "forgot", "tried", "explained", "thanked", "answered"];
    private static readonly string[] Requests = ["check", "update", "restart", "replace", "open", "close", "connect", "move",
        "fix", "send", "install", "answer"];
    private static readonly string[] Reasons = ["because it was late", "before the holiday", "after a short delay", "without any help",
        "as soon as possible", "for the first time", "with great care", "since nothing else worked", "while it was raining"];
    private static readonly string[] Weather = ["The sky was clear", "A cold wind blew", "Rain fell softly", "The sun was warm",
        "Fog covered the hills", "Snow lay on the roofs", "The air smelled of salt", "Clouds gathered in the west"];

    /// <summary><paramref name="paragraphs"/> paragraphs of three to six sentences each.</summary>
    public static IEnumerable<string> Paragraphs(int seed, int paragraphs)
    {
        var random = new Random(seed);
        for (var p = 0; p < paragraphs; p++)
            yield return string.Join(" ", Enumerable.Range(0, random.Next(3, 7)).Select(_ => Sentence(random)));
    }

    private static string Sentence(Random random)
    {
        string Pick(string[] words) => words[random.Next(words.Length)];
        return random.Next(12) switch
        {
            10 => $"\"Thank you for your help,\" said {Pick(People)} to {Pick(People)} {Pick(Times)}.",
            11 => $"Hello, {Pick(People)} wrote, {Pick(Office)} {Pick(Work)} {Pick(Office)} {Pick(Reasons)}.",
            6 => $"{Capital(Pick(People))} {Pick(Work)} {Pick(Office)} {Pick(Reasons)}.",
            7 => $"{Capital(Pick(Times))}, {Pick(People)} {Pick(Work)} {Pick(Office)} and {Pick(Verbs)} {Pick(Things)}.",
            8 => $"\"Please {Pick(Requests)} {Pick(Office)} {Pick(Times)},\" said {Pick(People)}, and {Pick(People)} {Pick(Work)} it {Pick(Reasons)}.",
            9 => $"If {Pick(Office)} stops working, {Pick(People)} will be {Pick(Feelings)}, so {Pick(People)} {Pick(Work)} it {Pick(Reasons)}.",
            0 => $"{Capital(Pick(People))} {Pick(Verbs)} {Pick(Things)} near {Pick(Places)} {Pick(Times)}.",
            1 => $"{Pick(Weather)}, and {Pick(People)} felt {Pick(Feelings)}.",
            2 => $"{Capital(Pick(Times))}, {Pick(People)} walked to {Pick(Places)} to see {Pick(Things)}.",
            3 => $"At {Pick(Places)}, {Pick(People)} {Pick(Verbs)} {Pick(Things)} for {Pick(People)}.",
            4 => $"\"Have you seen {Pick(Things)}?\" asked {Pick(People)}, looking {Pick(Feelings)}.",
            _ => $"{Capital(Pick(People))} was {Pick(Feelings)} because {Pick(People)} had {Pick(Verbs)} {Pick(Things)}.",
        };
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
