using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Governance.Core.Pii.Recognizers;

/// <summary>E-mail addresses: a local part, @, and a domain with a top-level domain of letters.</summary>
public sealed partial class EmailRecognizer : RegexRecognizer
{
    /// <inheritdoc />
    public override string Name => "email";
    /// <inheritdoc />
    public override IReadOnlyList<string> ContextWords => ["email", "e-mail", "mail", "contact"];
    /// <inheritdoc />
    protected override Regex Pattern => Email();

    /// <inheritdoc />
    public override bool MayMatch(TextProfile profile) => profile.Has("@");

    /// <summary>Runs the pattern only around each '@': an address is at most 64 characters before it and 255 after.</summary>
    public override IEnumerable<PiiFinding> Recognize(string text)
    {
        List<PiiFinding>? found = null;
        var searched = 0;
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var from = Math.Max(searched, at - 65);
            var to = Math.Min(text.Length, at + 256);
            if (from >= to) continue;
            for (var match = Pattern.Match(text, from, to - from); match.Success; match = match.NextMatch())
            {
                searched = match.Index + match.Length;
                Add(match, text, ref found);
            }
            searched = Math.Max(searched, Math.Min(to, at + 1));
        }
        return found ?? [];
    }

    /// <inheritdoc />
    protected override PiiFinding? Judge(Match match, string text) =>
        Found(PiiTypes.Email, match.Index, match.Index + match.Length, 0.9, "local part, @ and a domain with a top-level domain");

    [GeneratedRegex(@"(?<![\w.+%-])[\p{L}\p{N}](?:[\p{L}\p{N}._%+-]{0,62}[\p{L}\p{N}_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}

/// <summary>Web addresses with a scheme or starting with www.</summary>
public sealed partial class UrlRecognizer : RegexRecognizer
{
    /// <inheritdoc />
    public override string Name => "url";
    /// <inheritdoc />
    protected override Regex Pattern => Url();

    /// <inheritdoc />
    public override bool MayMatch(TextProfile profile) => profile.Has("http", ignoreCase: true) || profile.Has("www.", ignoreCase: true);

    /// <inheritdoc />
    protected override PiiFinding? Judge(Match match, string text)
    {
        var end = match.Index + match.Length;
        while (end > match.Index && ".,;:!?)]}'\"".Contains(text[end - 1])) end--;
        return Found(PiiTypes.Url, match.Index, end, 0.85, "scheme or www. and a host");
    }

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""'`]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}

/// <summary>IPv4 (four octets up to 255) and IPv6 (anything the framework parses as one, with two colons or more).</summary>
public sealed partial class IpAddressRecognizer : RegexRecognizer
{
    /// <inheritdoc />
    public override string Name => "ip-address";
    /// <inheritdoc />
    public override IReadOnlyList<string> ContextWords => ["ip", "address", "host", "server", "client", "ipv4", "ipv6", "from"];
    /// <inheritdoc />
    protected override IReadOnlyList<string> NegativeWords => ["version", "v.", "ver", "release", "build"];
    /// <inheritdoc />
    protected override Regex Pattern => Candidate();

    /// <inheritdoc />
    public override bool MayMatch(TextProfile profile) => profile.Digits >= 4 && DottedDigits(profile.Text) || Colons(profile.Text);

    /// <summary>The v4 pattern runs only where a digit, a dot and a digit meet; the v6 pattern only where two colons are.</summary>
    public override IEnumerable<PiiFinding> Recognize(string text)
    {
        List<PiiFinding>? found = null;
        if (DottedDigits(text))
            for (var match = V4().Match(text); match.Success; match = match.NextMatch()) Add(match, text, ref found);
        AddV6(text, ref found);
        return found ?? [];
    }

    /// <summary>As <see cref="Recognize(string)"/>, with the v4 pattern run only around number runs of four digits or more.</summary>
    public override IEnumerable<PiiFinding> Recognize(string text, TextProfile profile)
    {
        List<PiiFinding>? found = null;
        if (DottedDigits(text))
            foreach (var run in profile.Numbers)
                if (run.Digits >= 4) AddInRun(V4(), run, text, ref found);
        AddV6(text, ref found);
        return found ?? [];
    }

    private void AddV6(string text, ref List<PiiFinding>? found)
    {
        if (Colons(text))
            for (var match = V6().Match(text); match.Success; match = match.NextMatch()) Add(match, text, ref found);
    }

    private static bool Colons(string text) => text.AsSpan().Count(':') >= 2;

    /// <summary>Whether a digit, a dot and a digit follow each other somewhere (every IPv4 address has that).</summary>
    private static bool DottedDigits(string text)
    {
        for (var at = text.IndexOf('.'); at > 0 && at < text.Length - 1; at = text.IndexOf('.', at + 1))
            if (char.IsAsciiDigit(text[at - 1]) && char.IsAsciiDigit(text[at + 1])) return true;
        return false;
    }

    /// <inheritdoc />
    protected override PiiFinding? Judge(Match match, string text)
    {
        var value = match.ValueSpan;
        if (value.Contains(':'))
        {
            if (value.Count(':') < 2 || !IPAddress.TryParse(value, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6) return null;
            return Found(PiiTypes.IpAddress, match.Index, match.Index + match.Length, 0.85, "parses as an IPv6 address");
        }
        // A dotted quad preceded by "v" (v1.2.3.4) is a version.
        if (match.Index > 0 && text[match.Index - 1] is 'v' or 'V') return null;
        return Found(PiiTypes.IpAddress, match.Index, match.Index + match.Length, 0.6, "four octets of at most 255");
    }

    [GeneratedRegex(@"(?<![\w.:])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\w|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex V4();

    [GeneratedRegex(@"(?<![\w.:])(?=[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:)[0-9A-Fa-f:]{2,39}(?:(?<=:)(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))?(?![\w:])", RegexOptions.CultureInvariant)]
    private static partial Regex V6();

    [GeneratedRegex(@"(?<![\w.:])(?:(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\w|\.\d)|(?=[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:)[0-9A-Fa-f:]{2,39}(?:(?<=:)(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))?(?![\w:]))", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
