using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Configuration;

public sealed class InvalidConfigTests
{
    private static async Task<ProcessResult> CheckAsync(TempDirectory directory, string yaml) =>
        await ServerProcess.RunCliAsync(["check-config", "--config", directory.Write("standbyops.yaml", yaml)]);

    [Fact]
    public async Task The_minimal_config_is_valid()
    {
        using var directory = new TempDirectory();

        var result = await CheckAsync(directory, TestConfigs.Minimal);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("valid (1 customers", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_yaml_names_the_file_and_line_and_exits_2()
    {
        using var directory = new TempDirectory();

        var result = await CheckAsync(directory, "server:\n  publicUrl: [unclosed\nsms:\n  provider: log\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"standbyops\.yaml:\d+:\d+: error: ", result.StandardError);
    }

    [Fact]
    public async Task An_unknown_key_names_its_line_and_suggests_the_fix()
    {
        using var directory = new TempDirectory();
        var yaml = TestConfigs.Minimal.Replace("    vatPercent: 21", "    vatPercent: 21\n    vatPercnt: 9", StringComparison.Ordinal);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("vatPercnt", StringComparison.Ordinal)) + 1;

        var result = await CheckAsync(directory, yaml);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"standbyops.yaml:{line}:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("vatPercnt", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Fix:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dangling_reference_names_what_is_missing()
    {
        using var directory = new TempDirectory();
        var yaml = TestConfigs.Minimal.Replace("    rateCard: standard", "    rateCard: premium", StringComparison.Ordinal);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("rateCard: premium", StringComparison.Ordinal)) + 1;

        var result = await CheckAsync(directory, yaml);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"standbyops.yaml:{line}:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("premium", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_refuses_to_start_on_an_invalid_config()
    {
        using var directory = new TempDirectory();
        var config = directory.Write("standbyops.yaml", TestConfigs.Minimal.Replace("rateCard: standard", "rateCard: premium", StringComparison.Ordinal));

        var result = await ServerProcess.RunCliAsync(["--urls", $"http://127.0.0.1:{ServerProcess.FreePort()}", "--data-dir", directory.File("data"), "--config", config]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nothing was started", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.File("data"), "standbyops.db")));
    }

    [Fact]
    public async Task A_missing_config_file_is_an_error_naming_the_path()
    {
        using var directory = new TempDirectory();

        var result = await ServerProcess.RunCliAsync(["check-config", "--config", directory.File("nope.yaml")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.yaml", result.StandardError, StringComparison.Ordinal);
    }
}
