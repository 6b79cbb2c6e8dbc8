using BenchmarkDotNet.Attributes;
using NodaTime;
using StandbyOps.Core.Calendars;
using StandbyOps.Core.Holidays;

namespace StandbyOps.Benchmarks.Calendars;

/// <summary>
/// "Add 4 business hours" on Mon–Fri 08:30–17:00 Europe/Amsterdam with NL holidays, from random instants in
/// 2025–2030 (target: at least a million per second). One invoke runs a batch of precomputed starts.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
[Config(typeof(PatientBuildConfig))]
public class BusinessCalendarBenchmarks
{
    private const int Batch = 10_000;

    private static readonly Duration FourHours = Duration.FromHours(4);

    private readonly BusinessCalendar _calendar = BusinessCalendar.MondayToFriday(
        DateTimeZoneProviders.Tzdb["Europe/Amsterdam"], new LocalTime(8, 30), new LocalTime(17, 0), HolidayRuleSet.Netherlands);

    private Instant[] _starts = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261120); // fixed seed: every run measures the same instants
        var first = Instant.FromUtc(2025, 1, 1, 0, 0);
        var seconds = (int)(Instant.FromUtc(2031, 1, 1, 0, 0) - first).TotalSeconds;
        _starts = new Instant[Batch];
        for (var i = 0; i < Batch; i++)
        {
            _starts[i] = first + Duration.FromSeconds(random.Next(seconds));
        }

        // Fill the per-year schedules first, as a long-running server would have.
        foreach (var start in _starts)
        {
            _calendar.AddBusinessTime(start, FourHours);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public Instant AddFourBusinessHours()
    {
        var last = default(Instant);
        foreach (var start in _starts)
        {
            last = _calendar.AddBusinessTime(start, FourHours);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int IsOpen()
    {
        var open = 0;
        foreach (var start in _starts)
        {
            open += _calendar.IsOpen(start) ? 1 : 0;
        }

        return open;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public Duration BusinessTimeBetween()
    {
        var total = Duration.Zero;
        foreach (var start in _starts)
        {
            total += _calendar.BusinessTimeBetween(start, start + Duration.FromDays(3));
        }

        return total;
    }
}
