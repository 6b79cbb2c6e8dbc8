using System.Security.Claims;
using Dapper;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Desk;
using StandbyOps.Desk.Mail;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Server.Reports.Mail;

/// <summary>
/// Carries out a due <see cref="SlaReportMailSchedule.Kind"/> intent: reads the customer's SLA report of the month (as
/// <c>GET /api/v1/reports/sla</c> does), and in one transaction marks the month sent, queues one mail per report contact
/// in the mail outbox (the PDF attached) and schedules the next month. A repeated run (a crash before the intent was
/// marked done) finds the month sent and queues nothing. A customer whose <c>reports</c> were removed gets nothing and
/// no next month; the schedule picks it up again when contacts come back.
/// </summary>
public sealed partial class SlaReportMailHandler(IServiceProvider services, IDatabase database, IClock clock, LiveConfig live, DeskOptions desk, ILogger<SlaReportMailHandler> logger)
    : IIntentHandler
{
    // The report is read on behalf of no token: not pinned to a customer, so exactly the customer of the payload.
    private static readonly ClaimsPrincipal Scheduler = new(new ClaimsIdentity());

    public string Kind => SlaReportMailSchedule.Kind;

    public async Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var payload = SlaReportMailPayload.FromJson(intent.Payload);
        var config = live.Current;
        if (!config.Customers.TryGetValue(payload.Customer, out var customer) || customer.Reports is not { } reports)
        {
            LogNoContacts(logger, payload.Customer, payload.Month);
            return;
        }

        var (report, _) = await SlaReportApi.ReadAsync(payload.Customer, payload.Month, Scheduler, services, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            throw new InvalidOperationException($"The SLA report of {payload.Customer} for {payload.Month} cannot be read.");
        }

        var pdf = SlaReportApi.PdfBytes(report, config);
        var link = new Uri(config.Server.PublicUrl, $"reports/sla?customer={Uri.EscapeDataString(report.Customer)}&month={report.Month}");
        var now = clock.GetCurrentInstant();
        var next = YearMonthPattern.Iso.Parse(payload.Month).GetValueOrThrow().PlusMonths(1);
        var queued = await database.WriteAsync(async (c, t) =>
        {
            var first = await c.ExecuteAsync(
                "UPDATE sla_report_mails SET sent_at = @now WHERE customer = @customer AND month = @month AND sent_at IS NULL",
                new { now = InstantTypeHandler.Format(now), customer = payload.Customer, month = payload.Month }, t).ConfigureAwait(false);
            if (first == 0)
            {
                return 0;
            }

            foreach (var to in reports.Contacts)
            {
                await MailOutbox.EnqueueAsync(c, t, SlaReportMailText.Mail(report, customer.Name, to, link, pdf), now).ConfigureAwait(false);
            }

            await SlaReportMailSchedule.AddAsync(c, t, config, payload.Customer, next, now).ConfigureAwait(false);
            return reports.Contacts.Count;
        }, cancellationToken).ConfigureAwait(false);
        if (queued > 0)
        {
            LogQueued(logger, payload.Customer, payload.Month, queued);
            desk.Wake();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA report of {Customer} for {Month} queued for {Count} report contacts")]
    private static partial void LogQueued(ILogger logger, string customer, string month, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA report of {Customer} for {Month} not mailed: the customer has no report contacts now")]
    private static partial void LogNoContacts(ILogger logger, string customer, string month);
}
