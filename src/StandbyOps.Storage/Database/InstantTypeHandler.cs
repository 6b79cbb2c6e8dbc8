using System.Data;
using Dapper;
using NodaTime;
using NodaTime.Text;

namespace StandbyOps.Storage.Database;

/// <summary>
/// Stores instants as fixed-width ISO-8601 UTC text (millisecond precision), which sorts
/// lexically in SQLite and PostgreSQL alike, so due-time queries stay portable.
/// </summary>
public sealed class InstantTypeHandler : SqlMapper.TypeHandler<Instant>
{
    private static readonly InstantPattern Pattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'");
    private static int _registered;

    /// <summary>Registers the handler with Dapper once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new InstantTypeHandler());
        }
    }

    /// <summary>Formats an instant the way the store keeps it.</summary>
    public static string Format(Instant value) => Pattern.Format(value);

    /// <summary>Parses an instant as the store keeps it.</summary>
    public static Instant Parse(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();

    /// <inheritdoc />
    public override void SetValue(IDbDataParameter parameter, Instant value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = Format(value);
    }

    /// <inheritdoc />
    public override Instant Parse(object value) => Parse((string)value);
}
