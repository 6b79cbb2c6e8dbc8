using BenchmarkDotNet.Configs;

namespace StandbyOps.Benchmarks.Calendars;

/// <summary>
/// Gives BenchmarkDotNet's generated project more than its default two minutes to build: the bench project
/// references most of the solution, and on a busy two-core machine that build alone can take longer.
/// </summary>
public sealed class PatientBuildConfig : ManualConfig
{
    public PatientBuildConfig() => WithBuildTimeout(TimeSpan.FromMinutes(10));
}
