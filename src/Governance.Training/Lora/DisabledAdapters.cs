namespace Governance.Training.Lora;

/// <summary>
/// A scope in which a model's adapters are off their layers, so the model computes as its frozen base (DPO's
/// reference). Disposing puts every adapter back on the layer it came from, in the same registration order.
/// </summary>
public sealed class DisabledAdapters : IDisposable
{
    private readonly List<(ILoraHost Host, LoraAdapter Adapter)> _detached;

    internal DisabledAdapters(TorchSharp.torch.nn.Module model)
    {
        _detached = [.. LoraModel.Hosts(model).Where(pair => pair.Host.Lora is not null).Select(pair => (pair.Host, pair.Host.Lora!))];
        foreach (var (host, _) in _detached) host.Attach(null);
    }

    /// <summary>How many adapters were taken off.</summary>
    public int Count => _detached.Count;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (host, adapter) in _detached) host.Attach(adapter);
        _detached.Clear();
    }
}
