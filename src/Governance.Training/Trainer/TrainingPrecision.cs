using TorchSharp;
using static TorchSharp.torch;

namespace Governance.Training.Trainer;

/// <summary>
/// The dtype the base weights are trained in: bf16 on CUDA (half the memory, tensor-core speed), fp32 on the CPU, where
/// bf16 matrix products are slow. LoRA adapters stay fp32 either way (see <see cref="Lora.LoraAdapter"/>).
/// </summary>
public static class TrainingPrecision
{
    /// <summary>The base weights' dtype on <paramref name="device"/>.</summary>
    public static ScalarType BaseDType(Device device) => device.type == DeviceType.CUDA ? ScalarType.BFloat16 : ScalarType.Float32;

    /// <summary>Converts <paramref name="model"/> to its base dtype and moves it to <paramref name="device"/>; attach adapters afterwards.</summary>
    public static void Place(nn.Module model, Device device) => model.to(BaseDType(device)).to(device);
}
