using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Governance.Tests.Shared.Portal;

/// <summary>Importing a dataset through the API, as the tests that need one set it up.</summary>
public static class DatasetUploads
{
    /// <summary>Imports <paramref name="content"/> (JSONL) as dataset <paramref name="name"/> and asserts it was created.</summary>
    public static async Task ImportDatasetAsync(this HttpClient client, string name, string content)
    {
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(content.Replace("\r", "", StringComparison.Ordinal)));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var response = await client.PostAsync($"/api/datasets?name={Uri.EscapeDataString(name)}&source=tests&licence=internal&purpose=tests&fileName=data.jsonl", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"import of {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
