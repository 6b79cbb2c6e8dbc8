using StandbyOps.Storage.Sequences;
using StandbyOps.Storage.Tests.Support;

namespace StandbyOps.Storage.Tests.Sequences;

public sealed class SequenceStoreTests
{
    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task Sequences_start_at_one_and_are_independent_per_name(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);

        var a1 = await store.Database.WriteAsync((c, t) => SequenceStore.NextAsync(c, t, "case-2026"));
        var a2 = await store.Database.WriteAsync((c, t) => SequenceStore.NextAsync(c, t, "case-2026"));
        var b1 = await store.Database.WriteAsync((c, t) => SequenceStore.NextAsync(c, t, "case-2027"));

        Assert.Equal([1L, 2L, 1L], [a1, a2, b1]);
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task Concurrent_writers_get_distinct_consecutive_numbers(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => store.Database.WriteAsync((c, t) => SequenceStore.NextAsync(c, t, "invoice-2026")))));

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), numbers.Order());
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task A_rolled_back_number_is_not_consumed_and_a_committed_one_survives_reopening(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        await store.Database.WriteAsync((c, t) => SequenceStore.NextAsync(c, t, "s"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Database.WriteAsync<long>(async (c, t) =>
        {
            await SequenceStore.NextAsync(c, t, "s");
            throw new InvalidOperationException("rollback");
        }));

        var next = await store.Open().WriteAsync((c, t) => SequenceStore.NextAsync(c, t, "s"));

        Assert.Equal(2, next);
    }
}
