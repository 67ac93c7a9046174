using Governance.Training.Hosting;

namespace Governance.Training.Tests.Hosting;

public sealed class WorkerIdentityTests
{
    [Fact]
    public void A_worker_restarted_on_its_data_folder_keeps_its_name_and_another_folder_gives_another()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        var name = WorkerIdentity.StableSuffix(first.Path);

        Assert.Matches("^worker-[0-9a-f]{12}$", name);
        Assert.Equal(name, WorkerIdentity.StableSuffix(first.Path));
        Assert.NotEqual(name, WorkerIdentity.StableSuffix(second.Path));
        Assert.Equal(name, "worker-" + File.ReadAllText(Path.Combine(first.Path, "worker-id")));
    }
}
