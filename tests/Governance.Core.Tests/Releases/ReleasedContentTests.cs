using System.Security.Cryptography;
using System.Text;
using Governance.Core.Releases;

namespace Governance.Core.Tests.Releases;

public sealed class ReleasedContentTests
{
    private static readonly byte[] Released = Encoding.UTF8.GetBytes("{\"text\":\"a\"}\n{\"text\":\"b\"}\n");
    private static readonly string ReleasedHash = Convert.ToHexStringLower(SHA256.HashData(Released));

    [Fact]
    public async Task The_released_bytes_match_their_hash_in_either_case()
    {
        Assert.True(await ReleasedContent.MatchesAsync(new MemoryStream(Released), ReleasedHash));
        Assert.True(await ReleasedContent.MatchesAsync(new MemoryStream(Released), ReleasedHash.ToUpperInvariant()));
    }

    [Fact]
    public async Task One_changed_byte_does_not_match()
    {
        var tampered = (byte[])Released.Clone();
        tampered[^2] = (byte)'c';

        Assert.False(await ReleasedContent.MatchesAsync(new MemoryStream(tampered), ReleasedHash));
    }

    [Fact]
    public async Task Copying_writes_every_byte_and_returns_the_hash_of_what_was_copied()
    {
        var content = new byte[200_000]; // larger than the copy buffer, so the hash spans several reads
        new Random(4).NextBytes(content);
        var copy = new MemoryStream();

        var hash = await ReleasedContent.CopyAndHashAsync(new MemoryStream(content), copy);

        Assert.Equal(content, copy.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), hash);
    }
}
