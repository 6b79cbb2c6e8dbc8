using StandbyOps.Server.Metrics;

namespace StandbyOps.IntegrationTests.Metrics;

public sealed class ScrapeBurstsTests : IDisposable
{
    private const long TenMegabytes = 10L * 1024 * 1024;
    private readonly SemaphoreSlim _trimmed = new(0);
    private readonly ScrapeBursts _bursts;

    public ScrapeBurstsTests() => _bursts = new ScrapeBursts(() => _trimmed.Release());

    public void Dispose() => _trimmed.Dispose();

    [Fact]
    public void Scrapes_one_at_a_time_never_give_memory_back()
    {
        for (var i = 0; i < 20; i++)
        {
            _bursts.Started();
            Assert.False(_bursts.Ended(TenMegabytes));
        }

        Assert.Equal(0, _trimmed.CurrentCount);
    }

    [Fact]
    public async Task Twenty_five_overlapping_scrapes_give_memory_back_once_when_the_last_one_ends()
    {
        for (var i = 0; i < 25; i++)
        {
            _bursts.Started();
        }

        var ends = Enumerable.Range(0, 25).Select(_ => _bursts.Ended(TenMegabytes)).ToList();

        Assert.Equal([.. Enumerable.Repeat(false, 24), true], ends);
        Assert.True(await _trimmed.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, _trimmed.CurrentCount);
    }

    [Fact]
    public void Overlapping_small_scrapes_and_a_failed_one_keep_the_memory()
    {
        _bursts.Started();
        _bursts.Started();
        _bursts.Started();
        Assert.False(_bursts.Ended(0));
        Assert.False(_bursts.Ended(1024 * 1024));
        Assert.False(_bursts.Ended(1024 * 1024));

        Assert.Equal(0, _trimmed.CurrentCount);
    }
}
