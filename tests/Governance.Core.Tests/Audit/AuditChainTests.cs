using Governance.Core.Audit;

namespace Governance.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
            entries.Add(AuditChain.Append(entries.LastOrDefault(), $"user{i % 3}", new DateTimeOffset(2026, 11, 29, 12, i, 0, TimeSpan.Zero), "127.0.0.1",
                $"dataset-release:{i % 2}", i % 2 == 0 ? "approve" : "comment", null, $"{{\"n\":{i}}}"));
        return entries;
    }

    [Fact]
    public void A_whole_chain_verifies() => Assert.Null(AuditChain.Verify(Chain(20)));

    [Fact]
    public void An_edited_entry_is_named()
    {
        var entries = Chain(10);
        entries[6] = entries[6] with { Actor = "mallory" };

        Assert.Equal(new AuditBreak(7, "entry 7 was changed after it was written (its hash does not match)"), AuditChain.Verify(entries));
    }

    [Fact]
    public void A_deleted_entry_leaves_a_gap_that_is_named()
    {
        var entries = Chain(10);
        entries.RemoveAt(3);

        Assert.Equal(4, AuditChain.Verify(entries)!.Sequence);
        Assert.Contains("missing", AuditChain.Verify(entries)!.Problem);
    }

    [Fact]
    public void An_inserted_entry_is_named_even_when_its_own_hash_is_right()
    {
        var entries = Chain(10);
        // A forger renumbers and rehashes a new entry between 5 and 6, but cannot rehash the entries after it without
        // rewriting history from there on.
        var forged = AuditChain.Append(entries[4], "mallory", entries[4].TimeUtc, null, "dataset-release:1", "approve", null, null);
        entries.Insert(5, forged);

        var broken = AuditChain.Verify(entries)!;
        Assert.Equal(6, broken.Sequence);
        Assert.Contains("appears again", broken.Problem);
    }

    [Fact]
    public void The_hash_covers_every_field()
    {
        var entry = Chain(1)[0];
        foreach (var changed in new[]
                 {
                     entry with { TimeUtc = entry.TimeUtc.AddSeconds(1) }, entry with { ClientAddress = "10.0.0.1" }, entry with { Entity = "x" },
                     entry with { Action = "reject" }, entry with { Before = "{}" }, entry with { After = "{}" }, entry with { PreviousHash = new string('1', 64) },
                 })
            Assert.NotEqual(entry.Hash, AuditChain.HashOf(changed));
    }
}
