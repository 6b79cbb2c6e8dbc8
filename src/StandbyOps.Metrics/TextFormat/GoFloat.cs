using System.Globalization;

namespace StandbyOps.Metrics.TextFormat;

/// <summary>Floats as Go writes and reads them: <c>strconv.FormatFloat(v, 'g', -1, 64)</c> and <c>ParseFloat</c>.</summary>
/// <remarks>
/// Prometheus' own writer uses Go's formatting, so matching it byte for byte keeps our exposition identical to
/// a Go client's (<c>1.458255915e+09</c>, <c>1e-05</c>, <c>100000</c>) and makes golden tests meaningful.
/// </remarks>
public static class GoFloat
{
    /// <summary>The longest formatted value, <c>-1.7976931348623157e+308</c>, fits comfortably.</summary>
    internal const int MaxLength = 32;

    // Go's 'g' with the shortest precision switches to exponent form from 1e+06 and below 1e-04.
    private const int ExponentThreshold = 6;

    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Formats <paramref name="value"/> as Go does: <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c> or shortest round-trip.</summary>
    public static string Format(double value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var length = Format(value, buffer);
        return new string(buffer[..length]);
    }

    /// <summary>
    /// Parses Go <c>ParseFloat</c> syntax: decimal with optional sign, point and exponent, or (case-insensitive)
    /// <c>NaN</c>, <c>Inf</c>, <c>Infinity</c> with optional sign on the infinities. Hex floats, <c>p</c> exponents,
    /// underscores, surrounding blanks and finite literals that overflow are rejected, as Prometheus does.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var unsigned = text[0] is '+' or '-' ? text[1..] : text;
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = text[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (text.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        if (!IsDecimalLiteral(unsigned))
        {
            return false;
        }

        // Go reports a finite literal beyond the double range as an error (ErrRange); underflow to zero is fine.
        return double.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Writes the Go formatting of <paramref name="value"/> into <paramref name="destination"/> (at least 32 chars).</summary>
    internal static int Format(double value, Span<char> destination)
    {
        if (double.IsNaN(value))
        {
            return Copy("NaN", destination);
        }

        if (double.IsInfinity(value))
        {
            return Copy(value > 0 ? "+Inf" : "-Inf", destination);
        }

        // .NET's "R" is the same shortest round-trip digit string Go computes; only the layout differs.
        Span<char> roundTrip = stackalloc char[MaxLength];
        value.TryFormat(roundTrip, out var roundTripLength, "R", CultureInfo.InvariantCulture);
        var shortest = roundTrip[..roundTripLength];

        var negative = shortest[0] == '-';
        var unsigned = negative ? shortest[1..] : shortest;
        var exponentIndex = unsigned.IndexOf('E');
        var mantissa = exponentIndex < 0 ? unsigned : unsigned[..exponentIndex];
        var exponent = exponentIndex < 0
            ? 0
            : int.Parse(unsigned[(exponentIndex + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        Span<char> digits = stackalloc char[MaxLength];
        var digitCount = 0;
        var integerDigits = -1;
        foreach (var c in mantissa)
        {
            if (c == '.')
            {
                integerDigits = digitCount;
            }
            else
            {
                digits[digitCount++] = c;
            }
        }

        if (integerDigits < 0)
        {
            integerDigits = digitCount;
        }

        var leadingZeros = 0;
        while (leadingZeros < digitCount && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        var position = 0;
        if (negative)
        {
            destination[position++] = '-';
        }

        if (leadingZeros == digitCount)
        {
            destination[position++] = '0';
            return position;
        }

        // digits now holds d1 d2 … dn with the value 0.d1d2…dn × 10^decimalPoint, as Go's decimal type does.
        var significant = digits[leadingZeros..digitCount].TrimEnd('0');
        var decimalPoint = integerDigits - leadingZeros + exponent;
        var scientificExponent = decimalPoint - 1;

        if (scientificExponent < -4 || scientificExponent >= ExponentThreshold)
        {
            destination[position++] = significant[0];
            if (significant.Length > 1)
            {
                destination[position++] = '.';
                significant[1..].CopyTo(destination[position..]);
                position += significant.Length - 1;
            }

            destination[position++] = 'e';
            destination[position++] = scientificExponent < 0 ? '-' : '+';
            var magnitude = Math.Abs(scientificExponent);
            if (magnitude < 10)
            {
                destination[position++] = '0';
            }

            magnitude.TryFormat(destination[position..], out var written, default, CultureInfo.InvariantCulture);
            return position + written;
        }

        if (decimalPoint <= 0)
        {
            destination[position++] = '0';
            destination[position++] = '.';
            destination.Slice(position, -decimalPoint).Fill('0');
            position += -decimalPoint;
            significant.CopyTo(destination[position..]);
            return position + significant.Length;
        }

        if (decimalPoint >= significant.Length)
        {
            significant.CopyTo(destination[position..]);
            position += significant.Length;
            destination.Slice(position, decimalPoint - significant.Length).Fill('0');
            return position + decimalPoint - significant.Length;
        }

        significant[..decimalPoint].CopyTo(destination[position..]);
        position += decimalPoint;
        destination[position++] = '.';
        significant[decimalPoint..].CopyTo(destination[position..]);
        return position + significant.Length - decimalPoint;
    }

    private static bool IsDecimalLiteral(ReadOnlySpan<char> unsigned)
    {
        var i = 0;
        var sawDigits = false;
        var sawPoint = false;
        for (; i < unsigned.Length; i++)
        {
            var c = unsigned[i];
            if (char.IsAsciiDigit(c))
            {
                sawDigits = true;
            }
            else if (c == '.' && !sawPoint)
            {
                sawPoint = true;
            }
            else
            {
                break;
            }
        }

        if (!sawDigits)
        {
            return false;
        }

        if (i < unsigned.Length && unsigned[i] is 'e' or 'E')
        {
            i++;
            if (i < unsigned.Length && unsigned[i] is '+' or '-')
            {
                i++;
            }

            var exponentStart = i;
            while (i < unsigned.Length && char.IsAsciiDigit(unsigned[i]))
            {
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }
        }

        return i == unsigned.Length;
    }

    private static int Copy(string text, Span<char> destination)
    {
        text.AsSpan().CopyTo(destination);
        return text.Length;
    }
}
