using Dapper;
using NodaTime;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Sequences;

namespace StandbyOps.Server.Rota;

/// <summary>Durable rota overrides per team, in the order they were added.</summary>
public sealed class RotaOverrideStore(IDatabase database)
{
    private const string SequenceName = "rota_override";

    private const string Columns = "id AS Id, seq AS Sequence, team AS Team, engineer AS Engineer, start_at AS StartAt, end_at AS EndAt, created_at AS CreatedAt, created_by AS CreatedBy";

    /// <summary>Stores an override; the caller has checked the team and engineer against the configuration.</summary>
    /// <exception cref="ArgumentException">The override does not end after it starts, or names nobody.</exception>
    public async Task<StoredOverride> AddAsync(string team, string engineer, Instant start, Instant end, string createdBy, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(team);
        ArgumentException.ThrowIfNullOrWhiteSpace(engineer);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        if (start >= end)
        {
            throw new ArgumentException($"An override must end ({end}) after it starts ({start}).", nameof(end));
        }

        return await database.WriteAsync(async (c, t) =>
        {
            var seq = await SequenceStore.NextAsync(c, t, SequenceName).ConfigureAwait(false);
            var stored = new StoredOverride($"ovr-{seq}", seq, team, engineer, start, end, now, createdBy);
            await c.ExecuteAsync(
                "INSERT INTO rota_overrides (id, seq, team, engineer, start_at, end_at, created_at, created_by) VALUES (@Id, @Sequence, @Team, @Engineer, @Start, @End, @CreatedAt, @CreatedBy)",
                stored,
                t).ConfigureAwait(false);
            return stored;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The overrides of <paramref name="team"/> in the order they were added.</summary>
    public Task<IReadOnlyList<StoredOverride>> ListAsync(string team, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        return database.ReadAsync<IReadOnlyList<StoredOverride>>(async c => (await c.QueryAsync<Row>(
            $"SELECT {Columns} FROM rota_overrides WHERE team = @team ORDER BY seq", new { team }).ConfigureAwait(false))
            .Select(r => r.ToStored()).ToList(), cancellationToken);
    }

    private sealed record Row(string Id, long Sequence, string Team, string Engineer, string StartAt, string EndAt, string CreatedAt, string CreatedBy)
    {
        public StoredOverride ToStored() => new(
            Id, Sequence, Team, Engineer, InstantTypeHandler.Parse(StartAt), InstantTypeHandler.Parse(EndAt), InstantTypeHandler.Parse(CreatedAt), CreatedBy);
    }
}
