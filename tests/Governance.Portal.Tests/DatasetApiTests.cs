using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Governance.Portal.Api;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests;

public sealed class DatasetApiTests(DatasetApiTests.SmallUploads portal) : IClassFixture<DatasetApiTests.SmallUploads>
{
    /// <summary>The portal with a 4 KB upload limit, so that the limit can be crossed cheaply.</summary>
    public sealed class SmallUploads : PortalFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings() => [.. base.Settings(), ("Datasets:MaxUploadBytes", "4096")];
    }

    private static string Url(string name, string file = "data.jsonl") =>
        $"/api/datasets?name={name}&source=tickets&licence=internal&purpose=support%20SFT&fileName={file}";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string content)
    {
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PostAsync(url, body);
    }

    [Fact]
    public async Task An_ML_engineer_uploads_a_file_and_downloads_a_canonical_export_that_hashes_to_the_version()
    {
        using var engineer = await portal.SignedInAsync("engineer");
        var response = await UploadAsync(engineer, Url("faq"), "{\"prompt\":\"p1\",\"completion\":\"c1\"}\n{\"prompt\":\"p2\",\"completion\":\"c2\"}\n");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var import = (await response.Content.ReadFromJsonAsync<ImportView>())!;
        Assert.Equal((true, 1, "PromptCompletion", 2L), (import.Accepted, import.Version, import.Shape, import.Records));

        var export = await engineer.GetByteArrayAsync("/api/datasets/faq/versions/1/export?format=Canonical");
        Assert.Equal(import.ContentHash, Convert.ToHexStringLower(SHA256.HashData(export)));
        var list = await engineer.GetFromJsonAsync<List<DatasetView>>("/api/datasets");
        Assert.Contains(list!, d => d.Name == "faq" && d.Records == 2 && d.Licence == "internal");

        var zip = await engineer.GetStreamAsync("/api/datasets/faq/versions/1/export?format=HuggingFace");
        using var archive = new System.IO.Compression.ZipArchive(zip);
        Assert.Equal(["faq-v1/README.md", "faq-v1/data/train.jsonl"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Records_are_paged_and_searched_on_the_server()
    {
        using var engineer = await portal.SignedInAsync("engineer");
        await UploadAsync(engineer, Url("paging"), string.Concat(Enumerable.Range(1, 7).Select(i => $"{{\"text\":\"item {i}\"}}\n")));
        using var reviewer = await portal.SignedInAsync("reviewer");

        var page = await reviewer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/datasets/paging/versions/1/records?page=1&size=3");
        var search = await reviewer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/datasets/paging/versions/1/records?search=item%207");

        Assert.Equal(7, page.GetProperty("total").GetInt64());
        Assert.Equal([3L, 4, 5], page.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("ordinal").GetInt64()));
        Assert.Equal("item 4", page.GetProperty("records")[0].GetProperty("preview").GetString());
        Assert.Equal(1, search.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.GetAsync("/api/datasets/paging/versions/9/records")).StatusCode);
    }

    [Fact]
    public async Task A_manager_splits_a_version_and_the_records_show_their_split_while_a_reviewer_may_not_split()
    {
        using var manager = await portal.SignedInAsync("manager");
        await UploadAsync(manager, Url("to-split"), string.Concat(Enumerable.Range(1, 10).Select(i => $"{{\"text\":\"t{i}\"}}\n")));

        var created = await manager.PostAsJsonAsync("/api/datasets/to-split/versions/1/split",
            new { train = 0.6, validation = 0.2, test = 0.2, seed = 5, stratify = false });
        var bad = await manager.PostAsJsonAsync("/api/datasets/to-split/versions/1/split",
            new { train = 0.6, validation = 0.6, test = 0.2, seed = 5, stratify = false });
        using var reviewer = await portal.SignedInAsync("reviewer");
        var forbidden = await reviewer.PostAsJsonAsync("/api/datasets/to-split/versions/1/split", new { train = 1.0, validation = 0.0, test = 0.0, seed = 1, stratify = false });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(2, (await created.Content.ReadFromJsonAsync<VersionView>())!.Number);
        var page = await manager.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/datasets/to-split/versions/2/records?size=10");
        var splits = page.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("split").GetString()).ToList();
        Assert.Equal((6, 2, 2), (splits.Count(s => s == "Train"), splits.Count(s => s == "Validation"), splits.Count(s => s == "Test")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("add up to", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Preprocessing_through_the_API_makes_the_next_version_and_refuses_an_empty_plan()
    {
        using var engineer = await portal.SignedInAsync("engineer");
        await UploadAsync(engineer, Url("prep"), "{\"text\":\"x  y\"}\n{\"text\":\"x y\"}\n");

        var created = await engineer.PostAsJsonAsync("/api/datasets/prep/versions/1/preprocess",
            new { nfc = true, whitespace = true, controlCharacters = true, deduplicate = true });
        var empty = await engineer.PostAsJsonAsync("/api/datasets/prep/versions/1/preprocess",
            new { nfc = false, whitespace = false, controlCharacters = false, deduplicate = false });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"kept\":1", await created.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("\"steps\"", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metadata_edits_make_a_version_the_diff_shows_and_statistics_arrive_from_the_background_job()
    {
        using var engineer = await portal.SignedInAsync("engineer");
        await UploadAsync(engineer, Url("edits"), "{\"text\":\"alpha beta\",\"label\":\"a\"}\n{\"text\":\"gamma delta\",\"label\":\"b\"}\n");
        using var reviewer = await portal.SignedInAsync("reviewer");

        var edited = await engineer.PutAsJsonAsync("/api/datasets/edits/versions/1/records/2/metadata", new { source = "call centre" });
        var notObject = await engineer.PutAsJsonAsync("/api/datasets/edits/versions/1/records/2/metadata", new[] { 1, 2 });
        var forbidden = await reviewer.PutAsJsonAsync("/api/datasets/edits/versions/1/records/2/metadata", new { source = "x" });

        Assert.Equal(HttpStatusCode.Created, edited.StatusCode);
        Assert.Equal("edit-metadata", (await edited.Content.ReadFromJsonAsync<VersionView>())!.Operation);
        Assert.Equal(HttpStatusCode.BadRequest, notObject.StatusCode);
        Assert.Contains("JSON object", await notObject.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var diff = await reviewer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/datasets/edits/diff?from=1&to=2");
        Assert.Equal((0, 0, 1, 1), (diff.GetProperty("added").GetInt32(), diff.GetProperty("removed").GetInt32(),
            diff.GetProperty("changed").GetInt32(), diff.GetProperty("unchanged").GetInt32()));
        var item = diff.GetProperty("items")[0];
        Assert.Equal(("Changed", 2), (item.GetProperty("kind").GetString(), item.GetProperty("toRecord").GetInt32()));
        Assert.Contains("call centre", item.GetProperty("toJson").GetString());
        Assert.DoesNotContain("call centre", item.GetProperty("fromJson").GetString());

        // The portal's background job computes statistics for every new version; wait for it, bounded.
        System.Text.Json.JsonElement stats = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            stats = await reviewer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/datasets/edits/versions/2/statistics");
            if (stats.GetProperty("state").GetString() is "Succeeded" or "Failed") break;
            await Task.Delay(200);
        }
        Assert.Equal("Succeeded", stats.GetProperty("state").GetString());
        Assert.Equal(2, stats.GetProperty("statistics").GetProperty("records").GetInt64());
        Assert.Equal(2, stats.GetProperty("statistics").GetProperty("labels").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync("/api/datasets/edits/versions/2/statistics", JsonContent.Create(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await engineer.PostAsync("/api/datasets/edits/versions/2/statistics", JsonContent.Create(new { }))).StatusCode);
    }

    [Fact]
    public async Task A_compliance_officer_anonymizes_a_version_and_a_reviewer_may_not()
    {
        using var engineer = await portal.SignedInAsync("engineer");
        await UploadAsync(engineer, Url("with-pii"), "{\"text\":\"Call me on +44 20 7946 0958\"}\n");
        using var compliance = await portal.SignedInAsync("compliance");
        using var reviewer = await portal.SignedInAsync("reviewer");

        var created = await compliance.PostAsJsonAsync("/api/datasets/with-pii/versions/1/redact", new { @operator = "Replace" });
        var hash = await compliance.PostAsJsonAsync("/api/datasets/with-pii/versions/1/redact", new { @operator = "Hash" });
        var forbidden = await reviewer.PostAsJsonAsync("/api/datasets/with-pii/versions/1/redact", new { @operator = "Replace" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"PHONE_NUMBER\":1", await created.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, hash.StatusCode);
        Assert.Contains("Pii:HashKey", await hash.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync("/api/datasets/with-pii/versions/1/pii-audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync("/api/datasets/with-pii/versions/1/pii-audit", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await compliance.PostAsJsonAsync("/api/datasets/with-pii/versions/1/pii-audit", new { threshold = 0.5 })).StatusCode);
        System.Text.Json.JsonElement audit = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            audit = await reviewer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/datasets/with-pii/versions/1/pii-audit");
            if (audit.GetProperty("state").GetString() is "Succeeded" or "Failed") break;
            await Task.Delay(200);
        }
        Assert.Equal("Succeeded", audit.GetProperty("state").GetString());
        Assert.Equal(1, audit.GetProperty("summary").GetProperty("byType").GetProperty("PHONE_NUMBER").GetInt32());
        Assert.DoesNotContain("7946", audit.GetRawText());
    }

    [Fact]
    public async Task A_file_with_bad_lines_is_refused_with_every_line_and_nothing_is_stored()
    {
        using var manager = await portal.SignedInAsync("manager");
        var response = await UploadAsync(manager, Url("broken"), "{\"text\":\"a\"}\n{oops}\n{\"text\":1}\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var import = (await response.Content.ReadFromJsonAsync<ImportView>())!;
        Assert.Equal([2L, 3], import.Errors.Select(e => e.Line));
        var list = await manager.GetFromJsonAsync<List<DatasetView>>("/api/datasets");
        Assert.DoesNotContain(list!, d => d.Name == "broken");
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_is_refused_naming_the_setting()
    {
        using var engineer = await portal.SignedInAsync("engineer");
        var big = string.Concat(Enumerable.Repeat("{\"text\":\"" + new string('x', 100) + "\"}\n", 60));
        var response = await UploadAsync(engineer, Url("too-big"), big);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Datasets:MaxUploadBytes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Missing_datasheet_facts_and_unknown_extensions_are_refused_naming_the_field()
    {
        using var engineer = await portal.SignedInAsync("engineer");
        var noLicence = await UploadAsync(engineer, "/api/datasets?name=x&source=s&licence=%20&purpose=p&fileName=a.jsonl", "{\"text\":\"a\"}");
        var excel = await UploadAsync(engineer, Url("sheet", "data.xlsx"), "{\"text\":\"a\"}");
        Assert.Contains("\"licence\"", await noLicence.Content.ReadAsStringAsync());
        Assert.Contains("\"file\"", await excel.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Annotators_see_no_datasets_reviewers_may_look_and_only_engineers_and_managers_import()
    {
        using var annotator = await portal.SignedInAsync("annotator");
        using var reviewer = await portal.SignedInAsync("reviewer");
        using var compliance = await portal.SignedInAsync("compliance");

        Assert.Equal(HttpStatusCode.Forbidden, (await annotator.GetAsync("/api/datasets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/api/datasets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(reviewer, Url("r"), "{\"text\":\"a\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(compliance, Url("c"), "{\"text\":\"a\"}")).StatusCode);
    }

    [Fact]
    public async Task An_upload_sent_as_a_form_is_refused_so_a_cross_site_form_cannot_import()
    {
        using var engineer = await portal.SignedInAsync("engineer");
        var response = await engineer.PostAsync(Url("csrf"), new StringContent("{\"text\":\"a\"}", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
