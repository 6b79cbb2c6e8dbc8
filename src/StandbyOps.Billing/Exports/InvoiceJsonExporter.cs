using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using StandbyOps.Billing.Invoices;

namespace StandbyOps.Billing.Exports;

/// <summary>Renders an invoice as the API's JSON (camelCase, money as numbers with two decimals, instants as ISO-8601 UTC).</summary>
/// <remarks>
/// Decimals are written with <see cref="Utf8JsonWriter.WriteNumberValue(decimal)"/>, which keeps a decimal's
/// scale: money is first rounded to cents and given a scale of two (<c>200m + 0.00m</c> is <c>200.00m</c>), so
/// it prints as <c>200.00</c>. Indented with two spaces and <c>\n</c> line ends on every platform. Text is
/// escaped only where JSON requires it (names such as <c>ACME "Shop" &amp; Co</c> stay readable); the output is
/// served as <c>application/json</c>, never embedded in HTML.
/// </remarks>
public static class InvoiceJsonExporter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The invoice as UTF-8 JSON; <paramref name="id"/> is the store's id (null when there is none).</summary>
    public static byte[] Render(Invoice invoice, string? id = null)
    {
        Preconditions.NotNull(invoice, nameof(invoice));
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, invoice, id);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the invoice object to <paramref name="writer"/>, e.g. as an element of a list response.</summary>
    public static void Write(Utf8JsonWriter writer, Invoice invoice, string? id = null)
    {
        Preconditions.NotNull(writer, nameof(writer));
        Preconditions.NotNull(invoice, nameof(invoice));

        writer.WriteStartObject();
        WriteStringOrNull(writer, "id", id);
        WriteStringOrNull(writer, "number", invoice.Number);
        writer.WriteString("status", ExportText.Name(invoice.Status));
        writer.WriteString("type", ExportText.Name(invoice.Type));
        WriteStringOrNull(writer, "credits", invoice.CreditedNumber);
        WriteStringOrNull(writer, "issueDate", invoice.IssueDate is { } date ? ExportText.Text(date) : null);
        writer.WriteString("customer", invoice.Customer);
        writer.WriteString("customerName", invoice.CustomerName);
        writer.WriteString("month", ExportText.Text(invoice.Month));
        writer.WriteString("timeZone", invoice.TimeZone);
        writer.WriteString("currency", invoice.Currency);
        if (invoice.Seller is not null || invoice.Buyer is not null)
        {
            // Only invoices drafted with parties carry them, so every invoice made before renders unchanged.
            WriteParties(writer, invoice);
        }

        writer.WriteStartArray("lines");
        foreach (var line in invoice.Lines)
        {
            WriteLine(writer, line);
        }

        writer.WriteEndArray();
        writer.WriteNumber("subtotal", ExportText.Money(invoice.Subtotal));
        writer.WriteNumber("vatPercent", ExportText.Percent(invoice.VatPercent));
        writer.WriteNumber("vat", ExportText.Money(invoice.Vat));
        writer.WriteNumber("total", ExportText.Money(invoice.Total));
        writer.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter writer, InvoiceLine line)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", ExportText.Name(line.Kind));
        writer.WriteString("category", ExportText.Name(line.Category));
        writer.WriteString("start", ExportText.Text(line.Start));
        writer.WriteString("end", ExportText.Text(line.End));
        writer.WriteString("localStart", ExportText.Text(line.LocalStart));
        writer.WriteString("localEnd", ExportText.Text(line.LocalEnd));
        switch (line)
        {
            case StandbyLine standby:
                writer.WriteNumber("agreedHours", ExportText.Hours(standby.AgreedMinutes));
                writer.WriteNumber("agreedMinutes", standby.AgreedMinutes);
                break;
            case CalloutLine callout:
                writer.WriteNumber("workedHours", ExportText.Hours(callout.WorkedMinutes));
                writer.WriteNumber("workedMinutes", callout.WorkedMinutes);
                break;
        }

        writer.WriteNumber("billedHours", ExportText.Hours(line.BilledMinutes));
        writer.WriteNumber("billedMinutes", line.BilledMinutes);
        writer.WriteNumber("ratePercent", ExportText.Percent(line.RatePercent));
        writer.WriteNumber("hourlyRate", ExportText.Rate(line.HourlyRate));
        writer.WriteNumber("amount", ExportText.Money(line.Amount));
        if (line is CalloutLine calloutLine)
        {
            WriteStringOrNull(writer, "caseNumber", calloutLine.CaseNumber);
            writer.WriteString("engineer", calloutLine.Engineer);
        }

        if (line.Late)
        {
            // Only late lines carry the flag, so every invoice written before late items existed renders unchanged.
            writer.WriteBoolean("late", true);
        }

        writer.WriteEndObject();
    }

    private static void WriteParties(Utf8JsonWriter writer, Invoice invoice)
    {
        writer.WriteStartObject("servicePeriod");
        writer.WriteString("from", ExportText.Text(invoice.ServiceFrom));
        writer.WriteString("to", ExportText.Text(invoice.ServiceTo));
        writer.WriteEndObject();
        WriteStringOrNull(writer, "dueDate", invoice.DueDate is { } due ? ExportText.Text(due) : null);
        if (invoice.Seller is { } seller)
        {
            writer.WriteStartObject("seller");
            writer.WriteString("name", seller.Name);
            WriteAddress(writer, seller.Address);
            writer.WriteString("vatId", seller.VatId);
            writer.WriteString("iban", seller.Iban);
            WriteStringOrNull(writer, "bic", seller.Bic);
            writer.WriteNumber("paymentTermsDays", seller.PaymentTermsDays);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("seller");
        }

        if (invoice.Buyer is { } buyer)
        {
            writer.WriteStartObject("buyer");
            writer.WriteString("name", buyer.Name);
            WriteAddress(writer, buyer.Address);
            WriteStringOrNull(writer, "vatId", buyer.VatId);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("buyer");
        }
    }

    private static void WriteAddress(Utf8JsonWriter writer, IReadOnlyList<string> address)
    {
        writer.WriteStartArray("address");
        foreach (var line in address)
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
