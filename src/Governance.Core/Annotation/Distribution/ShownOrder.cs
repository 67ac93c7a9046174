using System.Security.Cryptography;
using System.Text;

namespace Governance.Core.Annotation.Distribution;

/// <summary>
/// The left/right order of a preference pair for one annotator: random per annotator and record (so position bias
/// averages out), yet the same each time they open the task. The order shown is stored with the answer.
/// </summary>
public static class ShownOrder
{
    /// <summary>The record's <c>chosen</c> response.</summary>
    public const string AFirst = "ab";

    /// <summary>The record's <c>rejected</c> response on the left.</summary>
    public const string BFirst = "ba";

    /// <summary>"ab" or "ba" for <paramref name="annotator"/> on record <paramref name="ordinal"/> of <paramref name="project"/>.</summary>
    public static string For(Guid project, string annotator, long ordinal) =>
        (Bit(project, annotator, ordinal, "order") & 1) == 0 ? AFirst : BFirst;

    /// <summary>A reproducible pseudo-random number from the task's identity and a purpose.</summary>
    internal static ulong Bit(Guid project, string annotator, long ordinal, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{project:N}|{annotator}|{ordinal}|{purpose}"));
        return BitConverter.ToUInt64(hash, 0);
    }
}
