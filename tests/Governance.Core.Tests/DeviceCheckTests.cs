using Governance.Core.Devices;

namespace Governance.Core.Tests;

public sealed class DeviceCheckTests
{
    private static DeviceCheck NewCheck() => new() { Id = Guid.NewGuid(), MatrixSize = 256, RequestedBy = "admin" };

    [Fact]
    public void A_completed_check_records_the_worker_device_and_rate()
    {
        var check = NewCheck();
        check.Complete("w1", "CPU: test", 123.4, DateTimeOffset.UnixEpoch);
        Assert.Equal(DeviceCheckStatus.Completed, check.Status);
        Assert.Equal(("w1", "CPU: test", 123.4), (check.WorkerName, check.Device, check.GigaflopsPerSecond!.Value));
    }

    [Fact]
    public void A_redelivered_answer_does_not_overwrite_the_first()
    {
        var check = NewCheck();
        check.Complete("w1", "CPU", 100, DateTimeOffset.UnixEpoch);
        check.Fail("w2", "late duplicate", DateTimeOffset.UnixEpoch);
        check.Complete("w3", "CUDA", 900, DateTimeOffset.UnixEpoch);
        Assert.Equal(DeviceCheckStatus.Completed, check.Status);
        Assert.Equal("w1", check.WorkerName);
        Assert.Null(check.Error);
    }
}
