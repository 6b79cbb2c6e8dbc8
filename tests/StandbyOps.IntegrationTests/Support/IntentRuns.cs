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

    /// <summary>Waits until at least <paramref name="count"/> runs of <paramref name="kind"/> completed.</summary>
    public static Task WaitForAsync(HttpClient admin, string kind, double count) =>
        Poll.UntilAsync(async () => await CompletedAsync(admin, kind) >= count, $"{count} {kind} intent(s) completed");
}
