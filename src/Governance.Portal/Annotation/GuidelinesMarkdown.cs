using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Governance.Portal.Annotation;

/// <summary>
/// Guidelines Markdown as safe HTML: raw HTML in the source is shown as text, and links or images with any scheme
/// but http, https or mailto (javascript:, data:) lose their target. What a project creator writes cannot run in an
/// annotator's browser.
/// </summary>
public static class GuidelinesMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseEmphasisExtras().Build();

    /// <summary>The sanitised HTML of <paramref name="markdown"/>.</summary>
    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            if (!IsSafe(link.Url)) link.Url = "#";
        foreach (var link in document.Descendants<AutolinkInline>())
            if (!IsSafe(link.Url)) link.Url = "#";
        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return true; // relative
        var scheme = new string([.. url[..colon].Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}
