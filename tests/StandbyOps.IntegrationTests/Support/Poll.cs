namespace StandbyOps.IntegrationTests.Support;

/// <summary>Waits for an asynchronous effect of the server process to become visible through its API.</summary>
public static class Poll
{
    /// <summary>Polls <paramref name="probe"/> until it returns a non-null value; fails after <paramref name="within"/> (20 s).</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? within = null)
        where T : class
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting for: {what}");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails after <paramref name="within"/> (20 s).</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null) =>
        UntilAsync<object>(async () => await condition() ? new object() : null, what, within);
}
