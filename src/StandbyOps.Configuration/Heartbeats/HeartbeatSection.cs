using System.Text.RegularExpressions;
using NodaTime;
using StandbyOps.Configuration.Reading;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Heartbeats;

/// <summary>Reads one entry of a system's <c>heartbeats:</c>.</summary>
internal static partial class HeartbeatSection
{
    /// <summary>Below this a token could be guessed, and anyone who guesses it can silence the heartbeat.</summary>
    public const int RecommendedTokenLength = 16;

    private static readonly string[] Keys = ["token", "period", "cron", "grace", "priority"];

    public static HeartbeatConfig? Read(ConfigReader reader, string id, MappingReader.Entry entry, Priority defaultPriority, DateTimeZone zone, UniqueNames tokens)
    {
        if (reader.Mapping(entry.Value, entry.KeyMark, $"heartbeat '{id}'", Keys) is not { } heartbeat)
        {
            return null;
        }

        var token = "";
        if (heartbeat.Required("token", "\"6f1c0d8e-2b1a-4c55-9a0e-3f0c2d9b7a11\" (e.g. from uuidgen)") is { } scalar
            && heartbeat.TryParse(scalar, "token", ParseToken, out token))
        {
            if (token.Length < RecommendedTokenLength)
            {
                reader.Warning(scalar.Start, $"the token of {heartbeat.What} is shorter than {RecommendedTokenLength} characters",
                    "use a long random token such as a UUID (uuidgen): whoever knows it can ping the heartbeat");
            }

            if (!tokens.TryClaim(token, scalar.Start, heartbeat.What, out var first))
            {
                reader.Error(scalar.Start, $"{heartbeat.What} uses the same token as {first.Owner} (line {first.Mark.Line})",
                    "give every heartbeat its own token, e.g. a new UUID from uuidgen");
            }
        }

        var period = heartbeat.ParseOptional<Duration>("period", Durations.ParsePositive);
        var cron = heartbeat.TryParse("cron", CronSyntax.Parse, out var expression) ? expression : null;
        if (heartbeat.Has("period") && heartbeat.Has("cron"))
        {
            reader.Error(heartbeat.MarkOf("cron"), $"{heartbeat.What} has both 'period' and 'cron'",
                "keep one: period for \"every 24h after the last ping\", cron for fixed times");
        }
        else if (!heartbeat.Has("period") && !heartbeat.Has("cron"))
        {
            reader.Error(entry.KeyMark, $"{heartbeat.What} has neither 'period' nor 'cron'",
                "add period: 24h (expected interval between pings) or cron: \"0 2 * * *\" (expected run times)");
        }

        return new HeartbeatConfig(
            id,
            token,
            period,
            cron,
            zone,
            heartbeat.Parse("grace", Durations.Parse, HeartbeatConfig.DefaultGrace),
            heartbeat.Parse("priority", Priorities.Parse, defaultPriority));
    }

    private static Parsed<string> ParseToken(string text) =>
        TokenPattern().IsMatch(text)
            ? Parsed.Success(text)
            : Parsed.Failure<string>("tokens appear in ping URLs and may hold only letters, digits, '-' and '_' (at most 128)",
                "use a UUID from uuidgen, e.g. \"6f1c0d8e-2b1a-4c55-9a0e-3f0c2d9b7a11\"");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex TokenPattern();
}
