using System.Net.Http.Json;
using System.Text.Json;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests;

/// <summary>A dataset imported by the engineer and audited for personal data by the compliance officer, whose client is returned.</summary>
internal static class PiiReviewAudits
{
    public static async Task<HttpClient> AuditedAsync(this PortalFactory portal, string dataset, string jsonl)
    {
        var engineer = await portal.SignedInAsync("engineer");
        await engineer.ImportDatasetAsync(dataset, jsonl);
        var compliance = await portal.SignedInAsync("compliance");
        var audit = $"/api/datasets/{dataset}/versions/1/pii-audit";
        await compliance.PostAsJsonAsync(audit, new { threshold = 0.5 });
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if ((await compliance.GetFromJsonAsync<JsonElement>(audit)).GetProperty("state").GetString() is "Succeeded") break;
            await Task.Delay(200);
        }
        return compliance;
    }
}
