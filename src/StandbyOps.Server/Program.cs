using NodaTime;
using StandbyOps.Server.Cli;

namespace StandbyOps.Server;

/// <summary>The executable: <c>dotnet run --project src/StandbyOps.Server [-- verb]</c>.</summary>
public static class Program
{
    /// <summary>Entry point. The only place that reads the system clock.</summary>
    public static Task<int> Main(string[] args) =>
        StandbyOpsCommandLine.Build(SystemClock.Instance).Parse(args).InvokeAsync();
}
