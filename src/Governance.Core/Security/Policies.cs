namespace Governance.Core.Security;

/// <summary>
/// The named authorization policies and the roles each admits. Pages, navigation and API endpoints all
/// refer to these names; the portal turns <see cref="RolesByPolicy"/> into ASP.NET Core policies.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in, active user, whatever their roles.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Create, invite, deactivate users and assign roles.</summary>
    public const string ManageUsers = nameof(ManageUsers);

    /// <summary>See the health of database, broker and workers.</summary>
    public const string ViewSystemHealth = nameof(ViewSystemHealth);

    /// <summary>See the training workers and their devices.</summary>
    public const string ViewWorkers = nameof(ViewWorkers);

    /// <summary>Queue a device check on a training worker.</summary>
    public const string RunDeviceChecks = nameof(RunDeviceChecks);

    /// <summary>Browse datasets, their versions and records.</summary>
    public const string ViewDatasets = nameof(ViewDatasets);

    /// <summary>Import files as datasets and create new versions.</summary>
    public const string ManageDatasets = nameof(ManageDatasets);

    /// <summary>Download a version's records (JSONL, CSV).</summary>
    public const string ExportDatasets = nameof(ExportDatasets);

    /// <summary>Read, search, export and verify the audit trail.</summary>
    public const string ViewAuditTrail = nameof(ViewAuditTrail);

    /// <summary>Make a version with personal data anonymized.</summary>
    public const string RedactDatasets = nameof(RedactDatasets);

    /// <summary>Run and cancel PII and bias audits of a version.</summary>
    public const string AuditDatasets = nameof(AuditDatasets);

    /// <summary>Change the portal's bias audit configuration (axes, terms, label, thresholds).</summary>
    public const string ConfigureBiasAudits = nameof(ConfigureBiasAudits);

    /// <summary>Confirm or dismiss the findings of a PII audit, and add missed ones.</summary>
    public const string ReviewPiiFindings = nameof(ReviewPiiFindings);

    /// <summary>See annotation projects: annotators the ones they work on, reviewers and managers all.</summary>
    public const string ViewAnnotationProjects = nameof(ViewAnnotationProjects);

    /// <summary>Take tasks, save drafts, submit and skip.</summary>
    public const string AnnotateRecords = nameof(AnnotateRecords);

    /// <summary>Accept, return or adjudicate annotators' answers.</summary>
    public const string ReviewAnnotations = nameof(ReviewAnnotations);

    /// <summary>Create annotation projects, set gold records, see agreement and merge the outputs into a version.</summary>
    public const string ManageAnnotationProjects = nameof(ManageAnnotationProjects);

    /// <summary>See each annotator's figures, deactivate annotators in a project and reassign their work, set deadlines.</summary>
    public const string ManageAnnotators = nameof(ManageAnnotators);

    /// <summary>See dataset releases, their timelines and evidence.</summary>
    public const string ViewReleases = nameof(ViewReleases);

    /// <summary>Take release actions; which action each role may take is the release lifecycle's rule, checked again per action.</summary>
    public const string ActOnReleases = nameof(ActOnReleases);

    /// <summary>The approvals inbox: releases waiting for the user's approval or waiver.</summary>
    public const string ApproveReleases = nameof(ApproveReleases);

    /// <summary>See the model registry: versions, lineage, model cards, evaluations and model release timelines.</summary>
    public const string ViewModels = nameof(ViewModels);

    /// <summary>Register model versions, record their evaluation and replace their artifact (what the training worker does).</summary>
    public const string RegisterModels = nameof(RegisterModels);

    /// <summary>Write the sections of a model card.</summary>
    public const string EditModelCards = nameof(EditModelCards);

    /// <summary>
    /// The roles admitted by each role-based policy. <see cref="SignedIn"/> is not listed: it admits every
    /// authenticated user.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RolesByPolicy { get; } =
        new Dictionary<string, IReadOnlyList<string>>
        {
            [ManageUsers] = [Roles.Administrator],
            [ViewSystemHealth] = [Roles.Administrator],
            [ViewWorkers] = [Roles.Administrator, Roles.MLEngineer, Roles.Manager],
            [RunDeviceChecks] = [Roles.Administrator, Roles.MLEngineer],
            [ViewDatasets] = [Roles.Reviewer, Roles.ComplianceOfficer, Roles.MLEngineer, Roles.Manager],
            [ManageDatasets] = [Roles.MLEngineer, Roles.Manager],
            [ExportDatasets] = [Roles.ComplianceOfficer, Roles.MLEngineer, Roles.Manager],
            [RedactDatasets] = [Roles.ComplianceOfficer, Roles.MLEngineer, Roles.Manager],
            [AuditDatasets] = [Roles.ComplianceOfficer, Roles.MLEngineer, Roles.Manager],
            [ConfigureBiasAudits] = [Roles.ComplianceOfficer],
            [ReviewPiiFindings] = [Roles.ComplianceOfficer],
            [ViewAuditTrail] = [Roles.Administrator, Roles.ComplianceOfficer],
            [ViewAnnotationProjects] = [Roles.Annotator, Roles.Reviewer, Roles.Manager],
            [AnnotateRecords] = [Roles.Annotator],
            [ReviewAnnotations] = [Roles.Reviewer],
            [ManageAnnotationProjects] = [Roles.Reviewer, Roles.Manager],
            [ManageAnnotators] = [Roles.Manager],
            [ViewReleases] = [Roles.Reviewer, Roles.ComplianceOfficer, Roles.MLEngineer, Roles.Manager],
            [ActOnReleases] = [Roles.Reviewer, Roles.ComplianceOfficer, Roles.MLEngineer, Roles.Manager],
            [ApproveReleases] = [Roles.ComplianceOfficer, Roles.Reviewer, Roles.Manager],
            [ViewModels] = [Roles.Reviewer, Roles.ComplianceOfficer, Roles.MLEngineer, Roles.Manager],
            [RegisterModels] = [Roles.MLEngineer],
            [EditModelCards] = [Roles.MLEngineer],
        };

    /// <summary>Every policy name, <see cref="SignedIn"/> first.</summary>
    public static IReadOnlyList<string> All { get; } = [SignedIn, .. RolesByPolicy.Keys];

    /// <summary>Whether a user holding <paramref name="roles"/> satisfies <paramref name="policy"/>.</summary>
    public static bool Admits(string policy, IEnumerable<string> roles) =>
        policy == SignedIn || (RolesByPolicy.TryGetValue(policy, out var admitted) && roles.Any(admitted.Contains));
}
