using NodaTime;
using StandbyOps.Billing.Store;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;

namespace StandbyOps.Billing.Tests.Store;

/// <summary>A migrated store in a temp directory, deleted afterwards.</summary>
public sealed class BillingStoreFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "standbyops-billing-" + Guid.NewGuid().ToString("N"));

    /// <summary>A clock fixed at 1 Dec 2026 10:00 UTC.</summary>
    public FixedClock Clock { get; } = new(Instant.FromUtc(2026, 12, 1, 10, 0));

    /// <summary>The database.</summary>
    public SqliteDatabase Database { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Database = new SqliteDatabase(new StoreOptions(_directory));
        await new MigrationRunner(Database, Clock).ApplyAsync([.. Schema.Migrations, .. BillingSchema.Migrations], CancellationToken.None);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A clock that stands still.</summary>
    public sealed class FixedClock(Instant now) : IClock
    {
        /// <inheritdoc />
        public Instant GetCurrentInstant() => now;
    }
}
