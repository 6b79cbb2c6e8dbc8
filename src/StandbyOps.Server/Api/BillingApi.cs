using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Billing.Exports;
using StandbyOps.Billing.Invoices;
using StandbyOps.Billing.Store;
using StandbyOps.Configuration;
using StandbyOps.Incidents.Sla;
using StandbyOps.Server.Auth;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary><c>/api/v1/invoices</c>: finance drafts, issues, credits and exports invoices (admin may read).</summary>
public static class BillingApi
{
    /// <summary>
    /// One row of the standby-hours report: an engineer's hours in one category for one customer's month, and how many of
    /// them were late items (agreed or recorded after the month was invoiced, billed on a later invoice).
    /// </summary>
    public sealed record StandbyHoursResponse(string Customer, string Engineer, string Month, string Category, long Minutes, decimal Hours, long LateMinutes, decimal LateHours);

    /// <summary>A request for the draft of one customer's month.</summary>
    public sealed record DraftInvoiceRequest(string? Customer, string? Month);

    /// <summary>Registers the billing stores and the desk's one-off standby source.</summary>
    public static IServiceCollection AddBilling(this IServiceCollection services)
    {
        services.AddSingleton<StandbyPeriodStore>();
        services.AddSingleton<CalloutStore>();
        services.AddSingleton<ICalloutRecorder>(sp => sp.GetRequiredService<CalloutStore>());
        services.AddSingleton<InvoiceStore>();
        services.AddSingleton<IStandbyPeriodSource, StoredStandbyPeriodSource>();
        return services;
    }

    /// <summary>Maps the invoice, standby-period and callout routes.</summary>
    public static void MapBillingApi(this IEndpointRouteBuilder routes)
    {
        routes.MapStandbyPeriodsApi();
        routes.MapCalloutsApi();
        var group = routes.MapGroup("/api/v1/invoices").WithTags("Invoices");
        group.MapPost("/", DraftAsync).RequireRoles(TokenRole.Finance);
        group.MapPost("/{id}/issue", IssueAsync).RequireRoles(TokenRole.Finance);
        group.MapPost("/{id}/credit", CreditAsync).RequireRoles(TokenRole.Finance);
        group.MapGet("/", ListAsync).RequireRoles(TokenRole.Finance, TokenRole.Admin);
        group.MapGet("/{idOrNumber}", GetAsync).RequireRoles(TokenRole.Finance, TokenRole.Admin);
        routes.MapGet("/api/v1/reports/standby-hours", StandbyHoursAsync).WithTags("Reports").RequireRoles(TokenRole.Finance, TokenRole.Admin);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> DraftAsync(
        DraftInvoiceRequest request, ClaimsPrincipal user, StandbyOpsConfig config, InvoiceStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Customer))
        {
            errors["customer"] = ["'customer' is required."];
        }

        var month = BillingInput.Month(request.Month, "month", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The invoice request is invalid");
        }

        if (await BillingOperations.DraftAsync(config, store, request.Customer!, month!.Value, user, cancellationToken).ConfigureAwait(false) is not { } write)
        {
            return BillingInput.UnknownCustomer(request.Customer);
        }

        return write.Status switch
        {
            InvoiceWriteStatus.Written => Json(write.Invoice!),
            InvoiceWriteStatus.Conflict => TypedResults.Problem(title: "The month is already invoiced", detail: write.Reason, statusCode: StatusCodes.Status409Conflict),
            _ => NotDrafted(write.Outcome!),
        };
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> IssueAsync(string id, InvoiceStore store, IClock clock, CancellationToken cancellationToken) =>
        Written(await BillingOperations.IssueAsync(store, clock, id, cancellationToken).ConfigureAwait(false), id, "The invoice cannot be issued");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CreditAsync(string id, InvoiceStore store, IClock clock, CancellationToken cancellationToken) =>
        Written(await BillingOperations.CreditAsync(store, clock, id, cancellationToken).ConfigureAwait(false), id, "The invoice cannot be credited");

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ListAsync(
        string? customer, string? month, string? status, InvoiceStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = month is null ? null : BillingInput.Month(month, "month", errors);
        if (status is not null and not ("draft" or "issued" or "credit"))
        {
            errors["status"] = ["'status' is one of draft, issued, credit."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The invoice query is invalid");
        }

        var invoices = await store.ListAsync(customer, parsed, status, cancellationToken).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var invoice in invoices)
            {
                InvoiceJsonExporter.Write(writer, invoice.Invoice, invoice.Id);
            }

            writer.WriteEndArray();
        }

        return TypedResults.File(buffer.WrittenSpan.ToArray(), "application/json");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(string idOrNumber, HttpRequest request, InvoiceStore store, CancellationToken cancellationToken)
    {
        var format = InvoiceFormat.Json;
        var key = idOrNumber;
        if (idOrNumber.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            (format, key) = (InvoiceFormat.Csv, idOrNumber[..^4]);
        }
        else if (idOrNumber.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            (format, key) = (InvoiceFormat.Html, idOrNumber[..^5]);
        }
        else if (idOrNumber.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            (format, key) = (InvoiceFormat.Pdf, idOrNumber[..^4]);
        }
        else if (idOrNumber.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            key = idOrNumber[..^5];
        }
        else
        {
            var accept = request.Headers.Accept.ToString();
            format = accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase) ? InvoiceFormat.Csv
                : accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) ? InvoiceFormat.Html
                : accept.Contains("application/pdf", StringComparison.OrdinalIgnoreCase) ? InvoiceFormat.Pdf
                : InvoiceFormat.Json;
        }

        if (await store.GetAsync(key, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return TypedResults.Problem(title: "Unknown invoice", detail: $"No invoice with id or number '{key}'.", statusCode: StatusCodes.Status404NotFound);
        }

        return Render(stored, format);
    }

    /// <summary>The export of a stored invoice, always rendered from its snapshot.</summary>
    public static FileContentHttpResult Render(StoredInvoice stored, InvoiceFormat format)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return format switch
        {
            InvoiceFormat.Csv => TypedResults.File(InvoiceCsvExporter.Render(stored.Invoice), "text/csv; charset=utf-8"),
            InvoiceFormat.Html => TypedResults.File(InvoiceHtmlExporter.Render(stored.Invoice), "text/html; charset=utf-8"),
            InvoiceFormat.Pdf => TypedResults.File(InvoicePdfExporter.Render(stored.Invoice), "application/pdf", $"{stored.Invoice.Number ?? stored.Id}.pdf"),
            _ => Json(stored),
        };
    }

    private static FileContentHttpResult Json(StoredInvoice stored) =>
        TypedResults.File(InvoiceJsonExporter.Render(stored.Invoice, stored.Id), "application/json");

    private static Results<FileContentHttpResult, ProblemHttpResult> Written(InvoiceWrite write, string id, string title) => write.Status switch
    {
        InvoiceWriteStatus.Written => Json(write.Invoice!),
        InvoiceWriteStatus.NotFound => TypedResults.Problem(title: "Unknown invoice", detail: $"No invoice with id or number '{id}'.", statusCode: StatusCodes.Status404NotFound),
        _ => TypedResults.Problem(title: title, detail: write.Reason, statusCode: StatusCodes.Status409Conflict),
    };

    private static ProblemHttpResult NotDrafted(InvoiceDraftOutcome outcome) => outcome switch
    {
        InvoiceDraftOutcome.NothingToBill nothing => TypedResults.Problem(
            title: "Nothing to bill",
            detail: $"{nothing.Customer} has no agreed standby outside office time and no callouts in {nothing.Month:uuuu-MM}; no invoice is made.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["code"] = "nothing-to-bill" }),
        InvoiceDraftOutcome.Rejected rejected => TypedResults.Problem(
            title: "The invoice cannot be drafted",
            detail: string.Join(" ", rejected.Problems.Select(p => p.Detail)),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["problems"] = rejected.Problems.Select(p => new { p.Code, p.Detail }).ToArray() }),
        _ => throw new InvalidOperationException($"Unexpected draft outcome {outcome.GetType().Name}."),
    };

    /// <summary>
    /// Per customer: the on-call shifts of its team's rota clipped to the customer's agreed standby, plus its callouts,
    /// cut into category windows in the customer's zone (no minimums; see docs/invoices.md).
    /// </summary>
    private static async Task<Results<Ok<StandbyHoursResponse[]>, ProblemHttpResult, ValidationProblem>> StandbyHoursAsync(
        string? month, string? customer, ClaimsPrincipal user, StandbyOpsConfig config, Rota.TeamRotas rotas, IDatabase database, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = BillingInput.Month(month, "month", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The report query is invalid");
        }

        var rows = await BillingOperations.StandbyHoursAsync(parsed!.Value, customer, user, config, rotas, database, cancellationToken).ConfigureAwait(false);
        return rows is null ? BillingInput.UnknownCustomer(customer) : TypedResults.Ok(rows.ToArray());
    }
}

/// <summary>An export format of an invoice.</summary>
public enum InvoiceFormat
{
    /// <summary>The API's JSON.</summary>
    Json,

    /// <summary>RFC 4180 CSV (docs/invoice-csv.md).</summary>
    Csv,

    /// <summary>A printable HTML page.</summary>
    Html,

    /// <summary>An A4 PDF (PDFsharp), byte-stable for an issued invoice.</summary>
    Pdf,
}
