using System.Globalization;
using NodaTime;
using StandbyOps.Configuration.Customers;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Reading;

/// <summary>SLA targets: <c>4 business hours</c>, <c>2 business days</c> (whole or decimal amounts), or a wall-clock duration such as <c>30m</c>, <c>4h</c>.</summary>
internal static class SlaTargets
{
    public const string Fix = "write '<n> business hours', '<n> business days' or a wall-clock duration such as 30m or 4h";

    public static Parsed<SlaTargetConfig> Parse(string text)
    {
        var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var normalized = string.Join(' ', words);
        if (words.Length == 1)
        {
            var wallClock = Durations.ParsePositive(words[0]);
            return wallClock.Ok
                ? Parsed.Success(new SlaTargetConfig(SlaTargetKind.WallClock, 0m, wallClock.Value, normalized))
                : Parsed.Failure<SlaTargetConfig>("not an SLA target", Fix);
        }

        if (words.Length != 3 || words[1] != "business")
        {
            return Parsed.Failure<SlaTargetConfig>("not an SLA target", Fix);
        }

        SlaTargetKind? kind = words[2] switch
        {
            "hour" or "hours" => SlaTargetKind.BusinessHours,
            "day" or "days" => SlaTargetKind.BusinessDays,
            _ => null,
        };
        if (kind is null)
        {
            return Parsed.Failure<SlaTargetConfig>("business targets count 'hours' or 'days'", Fix);
        }

        if (!decimal.TryParse(words[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return Parsed.Failure<SlaTargetConfig>("the amount must be a positive number such as 4 or 0.5", Fix);
        }

        return Parsed.Success(new SlaTargetConfig(kind.Value, amount, Duration.Zero, normalized));
    }
}
