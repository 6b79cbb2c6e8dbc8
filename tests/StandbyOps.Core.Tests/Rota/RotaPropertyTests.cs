using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using StandbyOps.Core.Rota;
using static StandbyOps.Core.Tests.TestTime;
using TeamRota = StandbyOps.Core.Rota.Rota;

namespace StandbyOps.Core.Tests.Rota;

public class RotaPropertyTests
{
    private static readonly Instant Year2025 = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly int MinutesTo2031 = (int)(Instant.FromUtc(2031, 1, 1, 0, 0) - Year2025).TotalMinutes;

    private static readonly TeamRota Rota = new TeamRota(
            Amsterdam,
            new Rotation(RotationPeriod.Week, Handover.Parse("sun 02:30"), ["anna", "bram", "chris"], Date("2025-06-01")),
            new Rotation(RotationPeriod.Day, Handover.Parse("08:30"), ["dana", "eve"], Date("2025-06-01")))
        .WithOverride(new RotaOverride("zoe", Ams("2026-03-28 12:00"), Ams("2026-04-02 12:00")))
        .WithOverride(new RotaOverride("bram", Ams("2026-10-20 00:00"), Ams("2026-10-27 00:00")));

    [Theory]
    [InlineData(ShiftRole.OnCall)]
    [InlineData(ShiftRole.Duty)]
    public void The_timeline_covers_every_instant_once_and_agrees_with_the_point_lookup(ShiftRole role)
    {
        var windows = (from start in Gen.Choose(0, MinutesTo2031)
                       from length in Gen.Choose(1, 60 * 24 * 30)
                       from probe in Gen.Choose(0, length - 1)
                       select (From: Year2025 + Duration.FromMinutes(start), Length: length, Probe: probe)).ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(windows, w =>
        {
            var to = w.From + Duration.FromMinutes(w.Length);
            var timeline = Rota.Timeline(role, w.From, to);
            var contiguous = timeline.Zip(timeline.Skip(1), (a, b) => a.End == b.Start && a.Engineer != b.Engineer).All(x => x);
            var covers = timeline[0].Start <= w.From && timeline[^1].End >= to;
            var probe = w.From + Duration.FromMinutes(w.Probe);
            var holder = timeline.Single(s => s.Start <= probe && probe < s.End).Engineer;
            var pointLookup = role == ShiftRole.OnCall ? Rota.OnCallAt(probe) : Rota.DutyAt(probe);
            return contiguous && covers && holder == pointLookup;
        }));
    }
}
