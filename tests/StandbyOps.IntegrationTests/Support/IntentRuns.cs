using System.Globalization;

namespace StandbyOps.IntegrationTests.Support;

/// <summary>
/// Intent runs the server process completed, read from its <c>standbyops_intent_runs_total</c> counter. A test on virtual
/// time waits for work the relay picks up just after a request (a paging start, say) before it moves the clock, since
/// what that work schedules is due relative to the instant it ran.
/// </summary>
public static class IntentRuns
{
    /// <summary>Completed runs of intents of <paramref name="kind"/> so far (0 before the first).</summary>
    public static async Task<double> CompletedAsync(HttpClient admin, string kind)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var text = await (await admin.GetAsync("/metrics")).Content.ReadAsStringAsync();
        var series = $"standbyops_intent_runs_total{{kind=\"{kind}\",outcome=\"completed\"}} ";
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[series.Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until at least <paramref name="count"/> runs of <paramref name="kind"/> completed (20 s unless <paramref name="within"/>).</summary>
    public static Task WaitForAsync(HttpClient admin, string kind, double count, TimeSpan? within = null) =>
        Poll.UntilAsync(async () => await CompletedAsync(admin, kind) >= count, $"{count} {kind} intent(s) completed", within);

    /// <summary>
    /// Waits until paging has started for every incident the server holds: each opening writes one <c>paging.start</c>
    /// intent, so as many completed starts as incidents means none is still queued (a reopening adds a start of its
    /// own, which this does not wait for). Unlike a count taken before an action, a start still queued from an earlier
    /// test on a shared server cannot stand in for the new incident's.
    /// </summary>
    public static async Task WaitForPagingStartsOfEveryIncidentAsync(HttpClient admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var incidents = (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/incidents?limit=500"), System.Net.HttpStatusCode.OK)).GetArrayLength();
        await WaitForAsync(admin, "paging.start", incidents);
    }
}
