using Governance.Core.Annotation.Projects;
using Governance.Core.Validation;
using Governance.Data.Annotation;
using Governance.Data.Datasets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Governance.Portal.Components.Pages.Annotation;

/// <summary>Creates a project; the same <see cref="ProjectDefinition"/> checks as the API name the field to fix.</summary>
public partial class NewProject
{
    private sealed class QuestionRow
    {
        public QuestionKind Kind { get; set; } = QuestionKind.SingleLabel;
        public string Key { get; set; } = "";
        public string Title { get; set; } = "";
        public string Names { get; set; } = "";

        public Question ToQuestion()
        {
            var names = Names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new Question(Key.Trim(), Kind, Title.Trim(), Kind is QuestionKind.Rating or QuestionKind.Response or QuestionKind.Preference ? null : names,
                Kind == QuestionKind.Rating ? names : null);
        }
    }

    [Inject] private AnnotationProjects Projects { get; set; } = default!;
    [Inject] private DatasetCatalog Catalog { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    private IReadOnlyList<DatasetSummary> _datasets = [];
    private IReadOnlyList<string> _allAnnotators = [];
    private string _name = "", _guidelines = "", _dataset = "";
    private int? _version;
    private int _overlap = 2;
    private double _goldRate;
    private DateTime? _deadline;
    private IReadOnlyCollection<string> _annotators = [];
    private readonly List<QuestionRow> _questions = [new()];
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        _datasets = await Catalog.ListAsync();
        _allAnnotators = await Projects.AnnotatorsAsync();
    }

    private async Task CreateAsync()
    {
        try
        {
            if (string.IsNullOrEmpty(_dataset)) throw new ValidationError("dataset", "Choose the dataset to annotate.");
            var definition = new ProjectDefinition(_name, _guidelines, [.. _questions.Select(q => q.ToQuestion())], _overlap, [.. _annotators], _goldRate,
                _deadline is { } day ? new DateTimeOffset(DateTime.SpecifyKind(day.Date.AddDays(1).AddSeconds(-1), DateTimeKind.Utc)) : null);
            var actor = (await Authentication.GetAuthenticationStateAsync()).User.Identity!.Name!;
            var project = await Projects.CreateAsync(_dataset, _version, definition, actor);
            Navigation.NavigateTo($"annotation/{Uri.EscapeDataString(project.Name)}");
        }
        catch (ValidationError error)
        {
            _error = $"{error.Field}: {error.Message}";
        }
        catch (RefusedError refused)
        {
            _error = refused.Message;
        }
    }
}
