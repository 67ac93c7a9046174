namespace Governance.Core.Pii.Recognizers;

/// <summary>The check-digit algorithms the recognizers validate with.</summary>
public static class Checksums
{
    /// <summary>The Luhn (mod 10) check over a string of digits.</summary>
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9) return false;
            if (doubled && (d *= 2) > 9) d -= 9;
            sum += d;
            doubled = !doubled;
        }
        return digits.Length > 0 && sum % 10 == 0;
    }

    /// <summary><paramref name="digits"/> with the Luhn check digit appended (for stand-ins and test data).</summary>
    public static string WithLuhnDigit(string digits)
    {
        for (var check = 0; check < 10; check++)
            if (Luhn(digits + check)) return digits + check;
        throw new ArgumentException("Not a string of digits.", nameof(digits));
    }

    /// <summary>The IBAN of <paramref name="country"/> and <paramref name="bban"/> with its check digits (for stand-ins and test data).</summary>
    public static string Iban(string country, string bban)
    {
        for (var check = 2; check < 99; check++)
            if (IbanMod97($"{country}{check:00}{bban}")) return $"{country}{check:00}{bban}";
        throw new ArgumentException("The BBAN has characters an IBAN cannot hold.", nameof(bban));
    }

    /// <summary>ISO 13616 / ISO 7064 mod 97-10 over an IBAN without spaces: true when the remainder is 1.</summary>
    public static bool IbanMod97(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 5) return false;
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            if (c is >= '0' and <= '9') remainder = (remainder * 10 + (c - '0')) % 97;
            else if (c is >= 'A' and <= 'Z') remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else return false;
        }
        return remainder == 1;
    }
}
