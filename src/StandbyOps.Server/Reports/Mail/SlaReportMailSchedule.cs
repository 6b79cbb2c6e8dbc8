using System.Data.Common;
using System.Globalization;
using Dapper;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Configuration.Customers;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Server.Reports.Mail;

/// <summary>
/// Schedules the monthly SLA report mails durably: for each customer with <c>reports.contacts</c>, the report of a month
/// is an intent due on the 1st of the next month at <see cref="ReportsConfig.SendAt"/> in the customer's calendar zone.
/// A month is scheduled once per store (<see cref="ReportSchema"/>), however many nodes or restarts ask; an intent that
/// fell due while no server ran is carried out by the intent relay at the next start.
/// </summary>
public sealed class SlaReportMailSchedule(IDatabase database, IClock clock)
{
    /// <summary>The intent kind: mail one customer's report of one month.</summary>
    public const string Kind = "report.sla.mail";

    /// <summary>Schedules the current month (in each customer's zone) of every customer with report contacts; returns how many months were new.</summary>
    public async Task<int> EnsureCurrentMonthsAsync(StandbyOpsConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var now = clock.GetCurrentInstant();
        var added = 0;
        foreach (var customer in config.Customers.Values.Where(c => c.Reports is not null))
        {
            var month = YearMonth(now, Zone(config, customer));
            if (await database.WriteAsync((c, t) => AddAsync(c, t, config, customer.Id, month, now), cancellationToken).ConfigureAwait(false))
            {
                added++;
            }
        }

        return added;
    }

    /// <summary>
    /// Schedules <paramref name="customer"/>'s report of <paramref name="month"/> inside the caller's transaction unless it
    /// is scheduled already; true when this call scheduled it.
    /// </summary>
    public static async Task<bool> AddAsync(DbConnection connection, DbTransaction transaction, StandbyOpsConfig config, string customer, YearMonth month, Instant now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(config);
        var zone = config.Customers.TryGetValue(customer, out var c) ? Zone(config, c) : DateTimeZone.Utc;
        var due = DueAt(month, zone);
        var text = Text(month);
        var payload = new SlaReportMailPayload(customer, text).ToJson();
        // Claim the month first: a second node (or a second start) inserts nothing and adds no intent.
        var intentId = Guid.NewGuid().ToString("N");
        var claimed = await connection.ExecuteAsync(
            "INSERT INTO sla_report_mails (customer, month, due_at, intent_id) VALUES (@customer, @month, @due, @intentId) ON CONFLICT DO NOTHING",
            new { customer, month = text, due = InstantTypeHandler.Format(due), intentId }, transaction).ConfigureAwait(false);
        if (claimed == 0)
        {
            return false;
        }

        var id = await IntentStore.AddAsync(connection, transaction, Kind, payload, now, due).ConfigureAwait(false);
        await connection.ExecuteAsync("UPDATE sla_report_mails SET intent_id = @id WHERE customer = @customer AND month = @month",
            new { id, customer, month = text }, transaction).ConfigureAwait(false);
        return true;
    }

    /// <summary>When the report of <paramref name="month"/> is mailed: the 1st of the next month at 06:00 local time.</summary>
    public static Instant DueAt(YearMonth month, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return month.PlusMonths(1).OnDayOfMonth(1).At(ReportsConfig.SendAt).InZoneLeniently(zone).ToInstant();
    }

    /// <summary>The month <paramref name="at"/> falls in, in <paramref name="zone"/>.</summary>
    public static YearMonth YearMonth(Instant at, DateTimeZone zone)
    {
        var date = at.InZone(zone).Date;
        return new YearMonth(date.Year, date.Month);
    }

    /// <summary>A month as <c>2026-11</c>.</summary>
    public static string Text(YearMonth month) => month.ToString("uuuu-MM", CultureInfo.InvariantCulture);

    /// <summary>The zone of the customer's calendar (UTC when it has none).</summary>
    public static DateTimeZone Zone(StandbyOpsConfig config, CustomerConfig customer)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(customer);
        return config.Calendars.TryGetValue(customer.Calendar, out var calendar) ? calendar.Zone : DateTimeZone.Utc;
    }
}
