using System.Globalization;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Billing.Invoices;

namespace StandbyOps.Billing.Exports;

/// <summary>The one way every export writes values, so JSON, CSV and HTML agree and re-exports are byte-identical.</summary>
internal static class ExportText
{
    private static readonly InstantPattern InstantFormat = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static readonly LocalDateTimePattern LocalFormat = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");
    private static readonly LocalDatePattern DateFormat = LocalDatePattern.Iso;
    private static readonly YearMonthPattern MonthFormat = YearMonthPattern.Iso;

    /// <summary>Money with exactly two decimals (rounded half away from zero), e.g. 200 → 200.00.</summary>
    public static decimal Money(decimal value) => Invoices.Money.Cents(value);

    /// <summary>A rate: trailing zeros dropped, but at least two decimals (95 → 95.00, 95.125 stays).</summary>
    public static decimal Rate(decimal value)
    {
        var normalized = Normalize(value);
        return normalized == 0m ? 0.00m : normalized + 0.00m;
    }

    /// <summary>A percentage without trailing zeros (21.00 → 21, 12.50 → 12.5).</summary>
    public static decimal Percent(decimal value) => Normalize(value);

    /// <summary>Hours for display, to two decimals; the exact value is in the minutes columns.</summary>
    public static decimal Hours(long minutes) => Invoices.Money.Cents(minutes / 60m);

    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(Instant value) => InstantFormat.Format(value);

    public static string Text(LocalDateTime value) => LocalFormat.Format(value);

    public static string Text(LocalDate value) => DateFormat.Format(value);

    public static string Text(YearMonth value) => MonthFormat.Format(value);

    public static string Name(InvoiceLineKind kind) => kind switch
    {
        InvoiceLineKind.Standby => "standby",
        InvoiceLineKind.Callout => "callout",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown line kind."),
    };

    public static string Name(BillingCategory category) => category switch
    {
        BillingCategory.Holiday => "holiday",
        BillingCategory.Weekend => "weekend",
        BillingCategory.Night => "night",
        BillingCategory.Callout => "callout",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown category."),
    };

    public static string Name(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "draft",
        InvoiceStatus.Issued => "issued",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    public static string Name(InvoiceType type) => type switch
    {
        InvoiceType.Invoice => "invoice",
        InvoiceType.CreditNote => "creditNote",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown invoice type."),
    };

    /// <summary>Thousands separators and at least two decimals, keeping any further decimals of a rate (1,450.00).</summary>
    public static string Grouped(decimal value)
    {
        var decimals = Math.Max(2, (decimal.GetBits(value)[3] >> 16) & 0xFF);
        return value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>What a line bills, as printed: "Standby — evening/night", "Late callout — anna, case 2026-000042".</summary>
    public static string Description(InvoiceLine line) => line switch
    {
        StandbyLine => $"{(line.Late ? "Late standby" : "Standby")} — {PrintedCategory(line.Category)}",
        CalloutLine callout =>
            $"{(callout.Late ? "Late callout" : "Callout")} — {callout.Engineer}{(callout.CaseNumber is null ? string.Empty : $", case {callout.CaseNumber}")}",
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, "Unknown line type."),
    };

    /// <summary>The agreed (standby) or worked (callout) minutes of a line.</summary>
    public static long Measured(InvoiceLine line) => line switch
    {
        StandbyLine standby => standby.AgreedMinutes,
        CalloutLine callout => callout.WorkedMinutes,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, "Unknown line type."),
    };

    /// <summary>The printed title: "Invoice INV-2026-0001", "Credit note …" or "Draft invoice".</summary>
    public static string Title(Invoice invoice) => (invoice.Type, invoice.Status) switch
    {
        (InvoiceType.CreditNote, _) => $"Credit note {invoice.Number}",
        (_, InvoiceStatus.Draft) => "Draft invoice",
        _ => $"Invoice {invoice.Number}",
    };

    private static string PrintedCategory(BillingCategory category) => category switch
    {
        BillingCategory.Holiday => "holiday",
        BillingCategory.Weekend => "weekend",
        BillingCategory.Night => "evening/night",
        _ => Name(category),
    };

    /// <summary>Removes trailing zeros: rounding to one decimal fewer changes nothing while the last digit is a zero.</summary>
    private static decimal Normalize(decimal value)
    {
        for (int scale = value.Scale; scale > 0; scale--)
        {
            var shorter = Math.Round(value, scale - 1);
            if (shorter != value)
            {
                break;
            }

            value = shorter;
        }

        return value;
    }
}
