using BenchmarkDotNet.Attributes;
using NodaTime;
using StandbyOps.Billing.Callouts;
using StandbyOps.Billing.Exports;
using StandbyOps.Billing.Invoices;
using StandbyOps.Billing.Rates;
using StandbyOps.Billing.Standby;
using StandbyOps.Core.Holidays;
using StandbyOps.Core.Standby;

namespace StandbyOps.Benchmarks.Billing;

/// <summary>
/// Month-end billing: drafts for 500 customers × December 2026 (nightly + weekend standby, Christmas holidays,
/// a few callouts each) in Europe/Amsterdam, and the exports of those invoices. Target: at least 100 invoices
/// per second. Each operation is one invoice (OperationsPerInvoke), so Mean is the time per invoice.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class InvoiceBenchmarks
{
    private const int Customers = 500;

    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    private static readonly IHolidayCalendar Holidays = HolidayCalendar.Of([new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 26), new LocalDate(2027, 1, 1)]);

    private InvoiceRequest[] _requests = [];

    private Invoice[] _invoices = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261201); // fixed seed: every run bills the same month
        var coverage = new StandbyCoverage(Nights: true, Weekends: true, Holidays: false);
        _requests = new InvoiceRequest[Customers];
        for (var i = 0; i < Customers; i++)
        {
            var card = new RateCard(
                "EUR",
                80m + random.Next(0, 4000) / 100m,
                21m,
                new CategoryRate(100m, 8m),
                new WeekendRate([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], new LocalTime(8, 30), new LocalTime(18, 0), 50m, 4m),
                new NightRate(new LocalTime(18, 0), new LocalTime(8, 30), 100m, 2m),
                new CategoryRate(100m, 1m));
            var callouts = Enumerable.Range(0, 3).Select(_ =>
            {
                // A night callout: between 19:00 and 04:00 local on a random day, 10–150 minutes long.
                var start = Amsterdam.AtStrictly(new LocalDateTime(2026, 12, random.Next(1, 31), 19, 0)).ToInstant()
                    + Duration.FromMinutes(random.Next(0, 9 * 60));
                return new Callout($"engineer-{random.Next(1, 9)}", $"INC-2026-{random.Next(1, 9999):D4}", start, start + Duration.FromMinutes(random.Next(10, 150)));
            });
            _requests[i] = new InvoiceRequest(
                $"customer-{i:D3}",
                new YearMonth(2026, 12),
                new ContractTerms(Amsterdam, card, Holidays),
                new AgreedStandby(coverage),
                callouts);
        }

        _invoices = [.. _requests.Select(r => ((InvoiceDraftOutcome.Drafted)InvoiceCalculator.Draft(r)).Invoice.Issue("INV-2027-0001", new LocalDate(2027, 1, 4)))];
    }

    [Benchmark(OperationsPerInvoke = Customers)]
    public int DraftInvoice()
    {
        var lines = 0;
        foreach (var request in _requests)
        {
            lines += ((InvoiceDraftOutcome.Drafted)InvoiceCalculator.Draft(request)).Invoice.Lines.Count;
        }

        return lines;
    }

    [Benchmark(OperationsPerInvoke = Customers)]
    public long RenderInvoiceJson() => _invoices.Sum(i => (long)InvoiceJsonExporter.Render(i).Length);

    [Benchmark(OperationsPerInvoke = Customers)]
    public long RenderInvoiceHtml() => _invoices.Sum(i => (long)InvoiceHtmlExporter.Render(i).Length);

    [Benchmark(OperationsPerInvoke = Customers)]
    public int RenderMonthCsvForAllCustomers() => InvoiceCsvExporter.Render(_invoices).Length;
}
