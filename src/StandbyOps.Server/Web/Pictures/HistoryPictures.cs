using System.Globalization;
using NodaTime;
using StandbyOps.Monitoring.History;

namespace StandbyOps.Server.Web.Pictures;

/// <summary>
/// The pictures of check history on the systems and status pages, read from the store's hourly tier: per check an uptime
/// bar of the last 24 hours (hourly blocks) and 90 days (daily blocks) and a latency sparkline (hourly means); per system
/// its availability over 24 hours, 30 and 90 days with its 90-day bar. Each picture has a text summary beside it.
/// </summary>
public sealed class HistoryPictures(CheckHistoryStore store, CheckHistoryRecorder recorder, IClock clock)
{
    private static readonly Duration Hour = Duration.FromHours(1);
    private static readonly Duration Day = Duration.FromDays(1);

    /// <summary>Writes the queued results, so the pictures reach up to now.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => recorder.FlushAsync(untilNow: true, cancellationToken);

    /// <summary>The 24-hour bar, the sparkline and the 90-day bar of one check or heartbeat.</summary>
    public async Task<Html> CheckAsync(string systemId, string checkId, CancellationToken cancellationToken)
    {
        var end = End();
        var hours = await SlotsAsync(systemId, checkId, end - (24 * Hour), end, Hour, cancellationToken).ConfigureAwait(false);
        var days = await SlotsAsync(systemId, checkId, end - (90 * Day), end, Day, cancellationToken).ConfigureAwait(false);
        var latency = hours.Latency;
        var known = latency.Where(v => v is not null).Select(v => v!.Value).ToList();
        var spark = known.Count == 0 ? "24 h latency: no measurements"
            : string.Create(CultureInfo.InvariantCulture, $"24 h latency: {known.Min():0} – {known.Max():0} ms (hourly means), last {known[^1]:0} ms");
        var day = UptimeBar.Summary("24 h", hours.Figures);
        var quarter = UptimeBar.Summary("90 days", days.Figures);
        return Html.Of($"""
            <div class="pictures">
            <figure>{UptimeBar.Render($"{checkId} uptime, {day}", "hour", hours.Figures)}<figcaption>{day}</figcaption></figure>
            <figure>{Sparkline.Render($"{checkId} {spark}", latency)}<figcaption>{spark}</figcaption></figure>
            <figure>{UptimeBar.Render($"{checkId} uptime, {quarter}", "day", days.Figures)}<figcaption>{quarter}</figcaption></figure>
            </div>
            """);
    }

    /// <summary>A system's availability over 24 hours, 30 and 90 days, with its 90-day bar.</summary>
    public async Task<Html> SystemAsync(string systemId, string name, CancellationToken cancellationToken)
    {
        var end = End();
        var days = await SlotsAsync(systemId, "", end - (90 * Day), end, Day, cancellationToken).ConfigureAwait(false);
        var summary = string.Join(" · ", new[] { ("24 h", 1), ("30 d", 30), ("90 d", 90) }.Select(p =>
            SlotFigures.Sum(days.Figures.TakeLast(p.Item2)).Percent is { } percent
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Item1} {percent:0.###} %")
                : $"{p.Item1} —"));
        return Html.Of($"""
            <figure class="system-uptime">{UptimeBar.Render($"{name} uptime by day over 90 days: {summary}", "day", days.Figures)}<figcaption>Uptime {summary}</figcaption></figure>
            """);
    }

    /// <summary>The end of the pictures' period: the end of the current hour, so hourly blocks read the hourly tier.</summary>
    private Instant End()
    {
        var now = clock.GetCurrentInstant();
        var seconds = now.ToUnixTimeSeconds();
        return Instant.FromUnixTimeSeconds(seconds - (seconds % 3600) + 3600);
    }

    private async Task<(IReadOnlyList<SlotFigures> Figures, IReadOnlyList<double?> Latency)> SlotsAsync(
        string systemId, string checkId, Instant from, Instant to, Duration slot, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var read = await store.SlotsAsync(systemId, checkId, from, to, slot, cancellationToken).ConfigureAwait(false);
        var figures = new List<SlotFigures>();
        var latency = new List<double?>();
        for (var start = from; start < to; start += slot)
        {
            var measured = Math.Clamp((long)((now < start + slot ? now : start + slot) - start).TotalMilliseconds, 0, (long)slot.TotalMilliseconds);
            var totals = read.GetValueOrDefault(start.ToUnixTimeSeconds());
            figures.Add(new SlotFigures(totals?.UpMs ?? 0, totals?.DownMs ?? 0, totals?.MaintenanceMs ?? 0, measured));
            latency.Add(totals is { LatencyCount: > 0 } t ? (double)t.LatencySumMs / t.LatencyCount : null);
        }

        return (figures, latency);
    }
}
