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
}
