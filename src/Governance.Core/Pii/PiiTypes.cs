namespace Governance.Core.Pii;

/// <summary>The canonical names of the personal-data and secret types the engine finds.</summary>
public static class PiiTypes
{
    /// <summary>An e-mail address.</summary>
    public const string Email = "EMAIL_ADDRESS";

    /// <summary>A telephone number in international or a common national format.</summary>
    public const string Phone = "PHONE_NUMBER";

    /// <summary>A payment card number that passes the Luhn check.</summary>
    public const string CreditCard = "CREDIT_CARD";

    /// <summary>An IBAN with the right length for its country and a valid mod-97 check.</summary>
    public const string Iban = "IBAN_CODE";

    /// <summary>A US social security number outside the never-issued ranges.</summary>
    public const string UsSsn = "US_SSN";

    /// <summary>An IPv4 or IPv6 address.</summary>
    public const string IpAddress = "IP_ADDRESS";

    /// <summary>A person's name.</summary>
    public const string Person = "PERSON";

    /// <summary>A street address.</summary>
    public const string StreetAddress = "STREET_ADDRESS";

    /// <summary>A date given as someone's date of birth.</summary>
    public const string DateOfBirth = "DATE_OF_BIRTH";

    /// <summary>A web address.</summary>
    public const string Url = "URL";

    /// <summary>A secret: cloud access keys, provider API tokens, private key blocks, password assignments.</summary>
    public const string Credential = "CREDENTIAL";

    /// <summary>Every type, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [Email, Phone, CreditCard, Iban, UsSsn, IpAddress, Person, StreetAddress, DateOfBirth, Url, Credential];
}

/// <summary>
/// Personal data found in a text: its type, where it is (UTF-16 offsets, end exclusive), how sure the engine is (0-1),
/// which recognizer found it and why. It never carries the value itself.
/// </summary>
public sealed record PiiFinding(string Type, int Start, int End, double Score, string Recognizer, string Reason)
{
    /// <summary>How many UTF-16 code units it covers.</summary>
    public int Length => End - Start;
}
