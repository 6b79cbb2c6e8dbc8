using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration.Tests.Reading;

public sealed class ByteSizesTests
{
    [Theory]
    [InlineData("64KB", 65536L)]
    [InlineData("500MB", 524288000L)]
    [InlineData("2gb", 2147483648L)]
    public void A_size_is_a_whole_number_and_a_binary_unit(string text, long bytes)
    {
        var parsed = ByteSizes.Parse(text);

        Assert.True(parsed.Ok);
        Assert.Equal(bytes, parsed.Value);
    }

    [Theory]
    [InlineData("2 GB")]
    [InlineData("1.5GB")]
    [InlineData("1024")]
    [InlineData("63KB")]
    [InlineData("-1MB")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(ByteSizes.Parse(text).Ok);
    }

    [Fact]
    public void Server_store_max_size_is_read_in_bytes_and_absent_by_default()
    {
        Assert.Equal(20L * 1024 * 1024 * 1024, Loading.Load("server: { storeMaxSize: 20GB }\n").Valid().Server.StoreMaxSize);
        Assert.Null(Loading.Load("server: {}\n").Valid().Server.StoreMaxSize);
    }
}
