using Bunit;
using Governance.Portal.Api;
using Governance.Portal.Components.Pages.Models;
using MudBlazor.Services;

namespace Governance.Portal.Tests.Models;

/// <summary>The model card panel as a user sees it: what is missing, the editor only when it may be edited, and what Save sends.</summary>
public sealed class ModelCardPanelTests : BunitContext, IAsyncLifetime
{
    private static readonly ModelCardView Partial = new("Support answers.", null, null, "support v1 (release r, content SHA-256 aa)",
        null, null, "Apache-2.0", ["out-of-scope use", "limitations", "evaluation", "bias and fairness considerations"], false, "engineer", DateTimeOffset.UnixEpoch);

    public ModelCardPanelTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void A_reader_sees_the_missing_sections_and_no_editor()
    {
        var panel = Render<ModelCardPanel>(p => p.Add(c => c.Card, Partial));

        Assert.Equal("Incomplete: add out-of-scope use, limitations, evaluation, bias and fairness considerations.", panel.Find("#card-missing").TextContent.Trim());
        Assert.Contains("support v1", panel.Find("#card-training-data").TextContent);
        Assert.Empty(panel.FindAll("#card-save"));
        Assert.Contains("Support answers.", panel.FindAll(".card-section").Select(s => s.TextContent));
    }

    [Fact]
    public void An_editor_changes_a_section_and_Save_sends_every_written_section()
    {
        ModelCardRequest? saved = null;
        var panel = Render<ModelCardPanel>(p => p.Add(c => c.Card, Partial).Add(c => c.Editable, true).Add(c => c.OnSave, (ModelCardRequest r) => saved = r));

        panel.Find("#card-limitations").Change("Weak on billing.");
        panel.Find("#card-save").Click();

        Assert.Equal(new ModelCardRequest("Support answers.", null, "Weak on billing.", null, "Apache-2.0"), saved);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
