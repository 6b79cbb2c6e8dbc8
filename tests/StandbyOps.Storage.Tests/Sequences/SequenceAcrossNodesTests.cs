using StandbyOps.Storage.Database;
using StandbyOps.Storage.Sequences;
using StandbyOps.Storage.Tests.Support;

namespace StandbyOps.Storage.Tests.Sequences;

/// <summary>Invoice numbers drawn by three nodes (three <c>PostgresDatabase</c> handles) on one real PostgreSQL database.</summary>
public sealed class SequenceAcrossNodesTests
{
    [SkippableFact]
    public async Task Invoice_numbers_drawn_at_once_on_three_nodes_with_some_writes_failing_stay_gap_free_and_unique()
    {
        await using var store = await TempStore.CreateAsync("postgres");
        await using var node1 = (PostgresDatabase)store.Open();
        await using var node2 = (PostgresDatabase)store.Open();
        await using var node3 = (PostgresDatabase)store.Open();
        var nodes = new[] { node1, node2, node3 };

        // Every fifth write fails after drawing its number: the number goes back with the rollback.
        var drawn = await Task.WhenAll(Enumerable.Range(0, 90).Select(i => Task.Run(async () =>
        {
            try
            {
                return await nodes[i % 3].WriteAsync<long?>(async (c, t) =>
                {
                    var number = await SequenceStore.NextAsync(c, t, "invoice-2026");
                    return i % 5 == 0 ? throw new InvalidOperationException("the invoice could not be written") : number;
                });
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        })));

        var committed = drawn.OfType<long>().Order().ToList();
        Assert.Equal(72, committed.Count);
        Assert.Equal(Enumerable.Range(1, 72).Select(n => (long)n), committed);
        Assert.Equal(73, await nodes[0].WriteAsync((c, t) => SequenceStore.NextAsync(c, t, "invoice-2026")));
    }
}
