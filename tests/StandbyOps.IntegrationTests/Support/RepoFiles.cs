namespace StandbyOps.IntegrationTests.Support;

/// <summary>Files shipped in the repository (deployment configs, rules, dashboards), found from the test assembly.</summary>
public static class RepoFiles
{
    /// <summary>The path of <paramref name="parts"/> below the folder that holds <c>StandbyOps.sln</c>.</summary>
    public static string Path(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "StandbyOps.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return System.IO.Path.Combine([directory.FullName, .. parts]);
    }
}
