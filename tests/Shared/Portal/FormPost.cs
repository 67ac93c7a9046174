using System.Net;
using System.Text.RegularExpressions;

namespace Governance.Tests.Shared.Portal;

/// <summary>Submits a server-rendered form the way a browser does: hidden antiforgery token and handler included.</summary>
public static partial class FormPost
{
    public static async Task<(HttpStatusCode Status, string Body, Uri? Location)> SubmitAsync(
        HttpClient client, string pageUrl, string formName, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {pageUrl}");
        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
            new("_handler", formName),
        };
        form.AddRange(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        var response = await client.PostAsync(pageUrl, new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
