using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;
using StandbyOps.Billing.Exports;
using StandbyOps.Billing.Invoices;
using StandbyOps.Billing.Store;
using StandbyOps.Configuration;
using StandbyOps.Incidents.Contracts;
using StandbyOps.Server.Api;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;

namespace StandbyOps.Server.Cli;

/// <summary><c>invoices export</c>: one month's invoices of every customer (or one) as files, issued ones from their frozen snapshot.</summary>
public static class InvoicesExportCommand
{
    /// <summary>Builds the <c>invoices</c> verb with its <c>export</c> subcommand.</summary>
    public static Command Build(Option<string> dataDir, Option<string> config, IClock clock)
    {
        var month = new Option<string>("--month") { Description = "The month, e.g. 2026-11.", Required = true };
        var customer = new Option<string?>("--customer") { Description = "Only this customer (default: all)." };
        var format = new Option<string>("--format") { Description = "csv, json, html or pdf.", DefaultValueFactory = _ => "csv" };
        var output = new Option<string>("--out") { Description = "The directory to write into (created when missing).", Required = true };
        var export = new Command("export", "Write one file per invoice of the month: issued invoices and credit notes from their snapshot, drafts computed now.")
        {
            month, customer, format, output,
        };
        export.SetAction((result, cancellationToken) => RunAsync(
            new ExportArguments(result.GetValue(dataDir)!, result.GetValue(config)!, result.GetValue(month), result.GetValue(customer), result.GetValue(format), result.GetValue(output)),
            clock,
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            cancellationToken));
        var invoices = new Command("invoices", "Invoices for finance.");
        invoices.Subcommands.Add(export);
        return invoices;
    }

    private static async Task<int> RunAsync(ExportArguments arguments, IClock clock, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parsedMonth = YearMonthPattern.Iso.Parse(arguments.Month ?? string.Empty);
        if (!parsedMonth.Success)
        {
            await error.WriteLineAsync($"--month: '{arguments.Month}' is not a month such as 2026-11.").ConfigureAwait(false);
            return 1;
        }

        var format = arguments.Format?.ToUpperInvariant() switch
        {
            "CSV" => InvoiceFormat.Csv,
            "JSON" => InvoiceFormat.Json,
            "HTML" => InvoiceFormat.Html,
            "PDF" => InvoiceFormat.Pdf,
            _ => (InvoiceFormat?)null,
        };
        if (format is null)
        {
            await error.WriteLineAsync($"--format: '{arguments.Format}' is not one of csv, json, html, pdf.").ConfigureAwait(false);
            return 1;
        }

        if (string.IsNullOrWhiteSpace(arguments.OutputDirectory))
        {
            await error.WriteLineAsync("--out: name the directory to write into.").ConfigureAwait(false);
            return 1;
        }

        var config = ConfigurationGate.Load(arguments.ConfigPath, error);
        if (config is null)
        {
            return ConfigurationGate.InvalidConfigExitCode;
        }

        if (arguments.Customer is { } only && !config.Customers.ContainsKey(only))
        {
            await error.WriteLineAsync($"--customer: no customer '{only}' in the configuration. Known: {string.Join(", ", config.Customers.Keys)}.").ConfigureAwait(false);
            return 1;
        }

        var database = StoreFactory.Open(config.Store, arguments.DataDirectory);
        await new MigrationRunner(database, clock).ApplyAsync(StoreSchema.Migrations, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(arguments.OutputDirectory);
        var customers = arguments.Customer is { } one ? [one] : config.Customers.Keys.Order(StringComparer.Ordinal).ToList();
        var job = new ExportJob(database, clock, config, parsedMonth.Value, format.Value, arguments.OutputDirectory);

        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            foreach (var id in customers)
            {
                foreach (var line in await job.ExportAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(line).ConfigureAwait(false);
                }
            }
        }
        else
        {
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask($"Exporting {arguments.Month}", maxValue: customers.Count);
                foreach (var id in customers)
                {
                    await job.ExportAsync(id, cancellationToken).ConfigureAwait(false);
                    task.Increment(1);
                }
            }).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Wrote {job.Written} file(s) to {Path.GetFullPath(arguments.OutputDirectory)}.").ConfigureAwait(false);
        if (job.Rejected.Count > 0)
        {
            foreach (var problem in job.Rejected)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            return 3;
        }

        return 0;
    }

    private sealed record ExportArguments(string DataDirectory, string ConfigPath, string? Month, string? Customer, string? Format, string? OutputDirectory);

    private sealed class ExportJob(IDatabase database, IClock clock, StandbyOpsConfig config, YearMonth month, InvoiceFormat format, string directory)
    {
        private readonly InvoiceStore _invoices = new(database, clock);

        public int Written { get; private set; }

        public List<string> Rejected { get; } = [];

        public async Task<IReadOnlyList<string>> ExportAsync(string customer, CancellationToken cancellationToken)
        {
            var written = new List<string>();
            var stored = await _invoices.ListAsync(customer, month, null, cancellationToken).ConfigureAwait(false);
            foreach (var invoice in stored.Where(i => i.Status != "draft"))
            {
                written.Add(await WriteAsync(invoice, invoice.Invoice.Number!, cancellationToken).ConfigureAwait(false));
            }

            if (stored.Any(i => i.Status == "issued" && i.CreditedBy is null))
            {
                return written;
            }

            var contract = CustomerContract.FromConfig(config, config.Customers[customer]);
            var outcome = await database.ReadAsync(c => BillingOperations.ComputeDraftAsync(c, null, contract, config, month), cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case InvoiceDraftOutcome.Drafted drafted:
                    var draftId = stored.FirstOrDefault(i => i.Status == "draft")?.Id ?? string.Empty;
                    written.Add(await WriteAsync(new StoredInvoice(draftId, "draft", null, drafted.Invoice), $"{customer}-{YearMonthPattern.Iso.Format(month)}-draft", cancellationToken).ConfigureAwait(false));
                    break;
                case InvoiceDraftOutcome.Rejected rejected:
                    Rejected.AddRange(rejected.Problems.Select(p => $"{customer}: {p.Detail}"));
                    break;
            }

            return written;
        }

        private async Task<string> WriteAsync(StoredInvoice invoice, string baseName, CancellationToken cancellationToken)
        {
            var (bytes, extension) = format switch
            {
                InvoiceFormat.Csv => (InvoiceCsvExporter.Render(invoice.Invoice), "csv"),
                InvoiceFormat.Html => (InvoiceHtmlExporter.Render(invoice.Invoice), "html"),
                InvoiceFormat.Pdf => (InvoicePdfExporter.Render(invoice.Invoice), "pdf"),
                _ => (InvoiceJsonExporter.Render(invoice.Invoice, invoice.Id.Length == 0 ? null : invoice.Id), "json"),
            };
            var path = Path.Combine(directory, $"{baseName}.{extension}");
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            Written++;
            return path;
        }
    }
}
