namespace Governance.Contracts.Devices;

/// <summary>Asks any one training worker to time a square matrix product on its device.</summary>
/// <param name="CheckId">Identifies the check in the portal's database.</param>
/// <param name="MatrixSize">The side of the matrices.</param>
public sealed record RunDeviceCheck(Guid CheckId, int MatrixSize);
