using System.Text.Json;
using Governance.Contracts.Devices;
using Governance.Contracts.Releases;
using Governance.Contracts.Workers;

namespace Governance.Contracts.Tests;

public sealed class MessageContractTests
{
    private static readonly Type[] MessageTypes =
        [.. typeof(WorkerHeartbeat).Assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false })];

    public static TheoryData<object> Samples() => new()
    {
        new WorkerHeartbeat("gpu-1", "CUDA", "NVIDIA H200", 141L << 30, 120L << 30, "1.0.0", new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero)),
        new RunDeviceCheck(Guid.NewGuid(), 2048),
        new DeviceCheckCompleted(Guid.NewGuid(), "gpu-1", "CUDA: NVIDIA H200", 512_000.5, DateTimeOffset.UnixEpoch),
        new DeviceCheckFailed(Guid.NewGuid(), "gpu-1", "out of memory", DateTimeOffset.UnixEpoch),
        new DatasetReleased(Guid.NewGuid(), Guid.NewGuid(), "support-chats", 3, new string('a', 64), "/api/releases/content/x", "token",
            DateTimeOffset.UnixEpoch.AddMinutes(15), "manager", DateTimeOffset.UnixEpoch),
        new DatasetReleaseRevoked(Guid.NewGuid(), Guid.NewGuid(), new string('a', 64), "compliance", DateTimeOffset.UnixEpoch),
        new DatasetReleaseReceived(Guid.NewGuid(), Guid.NewGuid(), 3, "gpu-1", new string('a', 64), "releases/0f/support-chats-v3-aaaaaaaaaaaa.jsonl",
            DateTimeOffset.UnixEpoch),
        new DatasetReleaseRejected(Guid.NewGuid(), Guid.NewGuid(), "gpu-1", new string('a', 64), new string('b', 64), "the content hash differs", DateTimeOffset.UnixEpoch),
    };

    [Fact]
    public void Every_message_type_is_a_sealed_record_in_a_namespace_the_bus_accepts()
    {
        Assert.NotEmpty(MessageTypes);
        foreach (var type in MessageTypes)
        {
            Assert.StartsWith("Governance.Contracts.", type.Namespace);
            Assert.True(type.IsSealed, $"{type.Name} is not sealed");
            Assert.NotNull(type.GetMethod("<Clone>$"));
        }
    }

    [Fact]
    public void Every_message_type_has_a_sample_below()
    {
        Assert.Equal(MessageTypes.Select(t => t.FullName).Order(), Samples().Cast<object[]>().Select(s => s[0].GetType().FullName).Order());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_message_survives_the_JSON_round_trip_of_the_outbox(object message)
    {
        var json = JsonSerializer.Serialize(message, message.GetType());
        var back = JsonSerializer.Deserialize(json, typeof(WorkerHeartbeat).Assembly.GetType(message.GetType().FullName!)!);
        Assert.Equal(message, back);
    }
}
