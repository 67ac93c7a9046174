using System.Text;
using Governance.Core.Configuration;
using Governance.Core.Pii;
using Governance.Core.Validation;

namespace Governance.Portal.Datasets;

/// <summary>The secret behind keyed hashes and pseudonyms, from the <see cref="SettingNames.PiiHashKey"/> setting; never logged.</summary>
public sealed class PiiKey(IConfiguration configuration)
{
    /// <summary>The key an operator needs: required for hashing, optional (a seed) for pseudonyms, none otherwise.</summary>
    public byte[]? For(AnonymizationOperator @operator)
    {
        var secret = configuration[SettingNames.PiiHashKey];
        if (@operator == AnonymizationOperator.Hash && (secret is null || Encoding.UTF8.GetByteCount(secret) < 16))
            throw new ValidationError("operator", $"Keyed hashing needs the setting {SettingNames.PiiHashKey} (a secret of at least 16 characters); set it, or choose another operator.");
        return @operator is AnonymizationOperator.Hash or AnonymizationOperator.Pseudonym && secret is not null ? Encoding.UTF8.GetBytes(secret) : null;
    }
}
