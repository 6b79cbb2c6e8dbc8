using System.Text;

namespace StandbyOps.Configuration.Tests.Reading;

/// <summary>The file's bytes and tags are taken strictly: what the reader cannot give a meaning is an error at its position.</summary>
public sealed class StrictTextTests
{
    [Fact]
    public void Invalid_utf8_is_an_error_at_the_line_and_column_of_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("sms: { provider: log }\nteams:\n  ops:\n    timeZone: Europe/Amst").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("erdam\n")).ToArray();

        var result = LoadBytes(bytes);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Config);
        Assert.Equal((4, 26), (error.Line, error.Column));
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("FF FE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_multibyte_character_counts_columns_in_characters()
    {
        var bytes = Encoding.UTF8.GetBytes("# café\nsms: { provider: \"é").Concat(new byte[] { 0xC3 }).ToArray();

        var error = Assert.Single(LoadBytes(bytes).Errors);

        Assert.Equal((2, 20), (error.Line, error.Column));
    }

    [Fact]
    public void A_byte_order_mark_and_valid_multibyte_text_load()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("# Zoë's configuration\nsms: { provider: log }\n")).ToArray();

        Assert.False(LoadBytes(bytes).HasErrors);
    }

    [Theory]
    [InlineData("sms: { provider: !env log }\n", 1, 18, "'!env'")]
    [InlineData("sms:\n  provider: log\nserver: !!python/object:os.system { publicUrl: \"http://x\" }\n", 3, 9, "'!!python/object:os.system'")]
    [InlineData("calendars: !include {}\n", 1, 12, "'!include'")]
    public void An_unknown_yaml_tag_is_an_error_at_its_position(string yaml, int line, int column, string named)
    {
        var error = Loading.Load(yaml).SingleError();

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains("unknown YAML tag " + named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Core_schema_tags_are_accepted()
    {
        Assert.False(Loading.Load("sms: !!map { provider: !!str log }\n").HasErrors);
    }

    private static ConfigLoadResult LoadBytes(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"standbyops-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, bytes);
        try
        {
            var result = ConfigLoader.LoadFile(path, _ => null);
            Assert.All(result.Errors, e => Assert.Equal(path, e.File));
            return result;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
