using System.Diagnostics;

namespace Governance.Cli.Commands;

/// <summary>
/// ripgrep (Debian package <c>ripgrep</c>) searching a file for the raw candidate pattern of every recognizer, without
/// validation, in the syntax of ripgrep's default engine (no lookarounds). It counts every match
/// (<c>--count-matches</c>), as the scan finds every candidate, rather than stopping at a line's first match. ripgrep
/// searches one file on one thread: its threads share out files, not the lines of a file.
/// </summary>
internal static class PiiRipgrep
{
    /// <summary>Each recognizer's raw pattern, by the recognizer's name.</summary>
    public static readonly (string Recognizer, string Pattern)[] Patterns =
    [
        ("email", @"[\p{L}\p{N}][\p{L}\p{N}._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"),
        ("phone", @"(?:\+|00)[1-9][0-9]{0,2}[ .-]?(?:\(0\)[ .-]?)?(?:\(?[0-9]{1,5}\)?[ .-]?){1,5}[0-9]{2,5}|\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-][0-9]{4}|0[0-9](?:[ .][0-9]{2}){4}|0[0-9]{2,5}[ /-]?[0-9]{3,4}[ -]?[0-9]{2,5}"),
        ("credit-card", @"[0-9](?:[ -]?[0-9]){12,18}"),
        ("iban", @"\b[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?\b"),
        ("us-ssn", @"[0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{3} [0-9]{2} [0-9]{4}|[0-9]{9}"),
        ("ip-address", @"(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])|(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}"),
        ("url", @"(?i:https?://|www\.)[^\s<>""'`]+"),
        ("credential", @"\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,90}\b|\bxox[abposr]-[A-Za-z0-9-]{10,}|\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}|\bAIza[0-9A-Za-z_-]{35}|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----|\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
        ("credential", @"(?i)\b(?:password|passwd|passwort|mot de passe|contraseña|pwd|pass|secret|client_secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token)\b[""']?\s*(?:[:=]|=>|\bis\b)\s*[""']?[^\s""',;]{6,}"),
        ("date-of-birth", @"(?i)\b(?:[0-9]{1,2}[./-][0-9]{1,2}[./-](?:19|20)?[0-9]{2}|(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}(?:st|nd|rd|th)?\.? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember)[a-zé]*\.? (?:19|20)[0-9]{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? [0-9]{1,2}(?:st|nd|rd|th)?,? (?:19|20)[0-9]{2})\b"),
        ("street-address", @"\b[0-9]{1,5}[A-Za-z]?,?\s(?:[A-Z][a-z]+\.?\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Close|Crescent|Square|Sq|Highway|Hwy|Parkway|Pkwy|Row|Gardens|Mews)\b|\b[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee)\s[0-9]{1,4}|\b[0-9]{1,4},?\s(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours)\s[A-ZÉÈ]"),
        ("person", @"\b\p{Lu}\p{Ll}+(?:[-']\p{Lu}?\p{Ll}+)?(?:\s\p{Lu}\p{Ll}+(?:[-']\p{Lu}?\p{Ll}+)?){0,2}\b"),
    ];

    /// <summary>The installed version's first line, or null when ripgrep is not installed.</summary>
    public static async Task<string?> VersionAsync()
    {
        var (output, _) = await RunAsync(["--version"]) ?? default;
        return output?.Split('\n')[0];
    }

    /// <summary>
    /// Seconds and matches of the median of <paramref name="runs"/> timed searches of <paramref name="file"/> for the
    /// patterns of the recognizers <paramref name="include"/> accepts, after one untimed search (so that the file is in the
    /// page cache for ripgrep as it was for the scan); null when ripgrep is not installed.
    /// </summary>
    public static async Task<(double Seconds, long Matches)?> MedianAsync(string file, Func<string, bool> include, int runs)
    {
        List<string> arguments = ["--count-matches", "--no-filename"];
        foreach (var (_, pattern) in Patterns.Where(p => include(p.Recognizer))) arguments.AddRange(["-e", pattern]);
        arguments.Add(file);
        if (await RunAsync(arguments) is null) return null;
        var timed = new List<(double Seconds, long Matches)>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var (output, _) = (await RunAsync(arguments))!.Value;
            timed.Add((clock.Elapsed.TotalSeconds, long.TryParse(output.Trim(), out var n) ? n : 0));
        }
        return timed.OrderBy(t => t.Seconds).ElementAt(runs / 2);
    }

    private static async Task<(string Output, int Exit)?> RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("rg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var rg = Process.Start(start)!;
            // Both pipes are drained at once: read one after the other, a full stderr pipe would stall ripgrep forever.
            var (outputRead, errorRead) = (rg.StandardOutput.ReadToEndAsync(), rg.StandardError.ReadToEndAsync());
            var (output, error) = (await outputRead, await errorRead);
            await rg.WaitForExitAsync();
            if (rg.ExitCode > 1) throw new InvalidOperationException($"ripgrep failed: {error}");
            return (output, rg.ExitCode);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
