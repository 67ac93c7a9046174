using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Governance.Core.Audit;

/// <summary>
/// One entry of the append-only audit trail: who did what to which entity, from where and when, the state before and
/// after (as JSON, never raw personal data), and the hash that chains it to the entry before.
/// </summary>
public sealed record AuditEntry(
    long Sequence, string Actor, DateTimeOffset TimeUtc, string? ClientAddress, string Entity, string Action, string? Before, string? After,
    string PreviousHash, string Hash);

/// <summary>What verification found wrong, naming the entry (by sequence number) and how.</summary>
public sealed record AuditBreak(long Sequence, string Problem);

/// <summary>
/// The hash chain of the audit trail: each entry's hash is SHA-256 over its fields and the previous entry's hash, so an
/// edited entry no longer matches its hash, an inserted one breaks the link or the numbering after it, and a deleted
/// one leaves a gap. <see cref="Verify"/> names the first entry where the chain breaks.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The next entry after <paramref name="previous"/> (null for the first), with its hash.</summary>
    public static AuditEntry Append(AuditEntry? previous, string actor, DateTimeOffset timeUtc, string? clientAddress, string entity, string action,
        string? before, string? after)
    {
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? Genesis;
        // Whole milliseconds: every store keeps them exactly, so the hash still matches the entry read back.
        var time = new DateTimeOffset(timeUtc.UtcTicks - timeUtc.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var entry = new AuditEntry(sequence, actor, time, clientAddress, entity, action, before, after, previousHash, "");
        return entry with { Hash = HashOf(entry) };
    }

    /// <summary>The hash an entry must carry: SHA-256 of its canonical JSON (every field but the hash), lower-case hex.</summary>
    public static string HashOf(AuditEntry entry)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new object?[]
        {
            entry.Sequence, entry.Actor, entry.TimeUtc.ToUniversalTime().ToString("O"), entry.ClientAddress, entry.Entity, entry.Action,
            entry.Before, entry.After, entry.PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    /// <summary>Checks entries in sequence order; null when the chain is whole, else the first break.</summary>
    public static AuditBreak? Verify(IEnumerable<AuditEntry> entries)
    {
        var expectedSequence = 1L;
        var previousHash = Genesis;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expectedSequence)
                return entry.Sequence > expectedSequence
                    ? new AuditBreak(expectedSequence, $"entry {expectedSequence} is missing (deleted); the next is {entry.Sequence}")
                    : new AuditBreak(entry.Sequence, $"entry {entry.Sequence} appears again or out of order (inserted)");
            if (entry.PreviousHash != previousHash)
                return new AuditBreak(entry.Sequence, $"entry {entry.Sequence} does not follow the entry before it (inserted or reordered)");
            if (HashOf(entry) != entry.Hash)
                return new AuditBreak(entry.Sequence, $"entry {entry.Sequence} was changed after it was written (its hash does not match)");
            (previousHash, expectedSequence) = (entry.Hash, expectedSequence + 1);
        }
        return null;
    }
}
