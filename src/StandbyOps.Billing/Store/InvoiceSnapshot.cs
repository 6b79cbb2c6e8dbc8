using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Billing.Exports;
using StandbyOps.Billing.Invoices;

namespace StandbyOps.Billing.Store;

/// <summary>
/// The frozen form of an invoice: exactly the JSON export (without a store id), read back into an <see cref="Invoice"/>.
/// </summary>
/// <remarks>
/// Reusing the export format means the snapshot carries every rate, percentage and minute the lines were built
/// with; nothing is looked up again when it is read, so an issued invoice renders identically forever.
/// </remarks>
public static class InvoiceSnapshot
{
    private static readonly LocalDateTimePattern LocalFormat = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    /// <summary>The snapshot text of <paramref name="invoice"/>.</summary>
    public static string Write(Invoice invoice) => Encoding.UTF8.GetString(InvoiceJsonExporter.Render(invoice));

    /// <summary>Reads a snapshot written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">The text is not an invoice snapshot.</exception>
    public static Invoice Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var lines = root.GetProperty("lines").EnumerateArray().Select(ReadLine).ToList();
        return new Invoice(
            root.GetProperty("type").GetString() == "creditNote" ? InvoiceType.CreditNote : InvoiceType.Invoice,
            root.GetProperty("status").GetString() == "draft" ? InvoiceStatus.Draft : InvoiceStatus.Issued,
            OptionalString(root, "number"),
            OptionalString(root, "issueDate") is { } date ? LocalDatePattern.Iso.Parse(date).GetValueOrThrow() : null,
            OptionalString(root, "credits"),
            root.GetProperty("customer").GetString()!,
            root.GetProperty("customerName").GetString()!,
            YearMonthPattern.Iso.Parse(root.GetProperty("month").GetString()!).GetValueOrThrow(),
            root.GetProperty("timeZone").GetString()!,
            root.GetProperty("currency").GetString()!,
            root.GetProperty("vatPercent").GetDecimal(),
            lines,
            root.GetProperty("subtotal").GetDecimal(),
            root.GetProperty("vat").GetDecimal(),
            root.GetProperty("total").GetDecimal())
        {
            Seller = root.TryGetProperty("seller", out var seller) && seller.ValueKind == JsonValueKind.Object ? ReadSeller(seller) : null,
            Buyer = root.TryGetProperty("buyer", out var buyer) && buyer.ValueKind == JsonValueKind.Object
                ? new InvoiceParty(buyer.GetProperty("name").GetString()!, Address(buyer), OptionalString(buyer, "vatId"))
                : null,
        };
    }

    private static InvoiceSeller ReadSeller(JsonElement seller) => new(
        seller.GetProperty("name").GetString()!,
        Address(seller),
        seller.GetProperty("vatId").GetString()!,
        seller.GetProperty("iban").GetString()!,
        OptionalString(seller, "bic"),
        seller.GetProperty("paymentTermsDays").GetInt32());

    private static List<string> Address(JsonElement party) =>
        [.. party.GetProperty("address").EnumerateArray().Select(l => l.GetString()!)];

    private static InvoiceLine ReadLine(JsonElement line)
    {
        var start = InstantPattern.ExtendedIso.Parse(line.GetProperty("start").GetString()!).GetValueOrThrow();
        var end = InstantPattern.ExtendedIso.Parse(line.GetProperty("end").GetString()!).GetValueOrThrow();
        var localStart = LocalFormat.Parse(line.GetProperty("localStart").GetString()!).GetValueOrThrow();
        var localEnd = LocalFormat.Parse(line.GetProperty("localEnd").GetString()!).GetValueOrThrow();
        var billed = line.GetProperty("billedMinutes").GetInt64();
        var percent = line.GetProperty("ratePercent").GetDecimal();
        var rate = line.GetProperty("hourlyRate").GetDecimal();
        var amount = line.GetProperty("amount").GetDecimal();
        if (line.GetProperty("kind").GetString() == "callout")
        {
            return new CalloutLine(
                line.GetProperty("engineer").GetString()!,
                OptionalString(line, "caseNumber"),
                start,
                end,
                localStart,
                localEnd,
                line.GetProperty("workedMinutes").GetInt64(),
                billed,
                percent,
                rate,
                amount)
            {
                Late = Late(line),
            };
        }

        return new StandbyLine(
            Category(line.GetProperty("category").GetString()),
            start,
            end,
            localStart,
            localEnd,
            line.GetProperty("agreedMinutes").GetInt64(),
            billed,
            percent,
            rate,
            amount)
        {
            Late = Late(line),
        };
    }

    private static bool Late(JsonElement line) => line.TryGetProperty("late", out var late) && late.ValueKind == JsonValueKind.True;

    private static BillingCategory Category(string? name) => name switch
    {
        "holiday" => BillingCategory.Holiday,
        "weekend" => BillingCategory.Weekend,
        "night" => BillingCategory.Night,
        _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{name}' is not a standby category.")),
    };

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
