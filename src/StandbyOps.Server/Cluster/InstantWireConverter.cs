using System.Globalization;
using Newtonsoft.Json;
using NodaTime;
using NodaTime.Text;

namespace StandbyOps.Server.Cluster;

/// <summary>
/// Lets Akka's JSON serializer (Newtonsoft) carry a NodaTime <see cref="Instant"/> between nodes, as its extended ISO
/// text (a heartbeat ping's time and deadline travel to the node that watches the system). Without it an
/// <c>Instant</c> has no public state to write and arrives as the Unix epoch.
/// </summary>
public sealed class InstantWireConverter : JsonConverter
{
    /// <summary>The HOCON line that registers the converter with Akka's serializer.</summary>
    public static readonly string Hocon =
        $"akka.actor.serialization-settings.json.converters = [\"{typeof(InstantWireConverter).FullName}, {typeof(InstantWireConverter).Assembly.GetName().Name}\"]";

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType == typeof(Instant) || objectType == typeof(Instant?);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        // The reader may already have taken the ISO text for a date (Newtonsoft's default date handling).
        return reader.Value switch
        {
            DateTime time => Instant.FromDateTimeUtc(DateTime.SpecifyKind(time.ToUniversalTime(), DateTimeKind.Utc)),
            DateTimeOffset offset => Instant.FromDateTimeOffset(offset),
            var other => InstantPattern.ExtendedIso.Parse(Convert.ToString(other, CultureInfo.InvariantCulture) ?? "").GetValueOrThrow(),
        };
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is Instant instant)
        {
            writer.WriteValue(InstantPattern.ExtendedIso.Format(instant));
        }
        else
        {
            writer.WriteNull();
        }
    }
}
