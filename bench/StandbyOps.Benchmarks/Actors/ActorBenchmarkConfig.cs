using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace StandbyOps.Benchmarks.Actors;

/// <summary>
/// One short job for the actor benchmarks: one launch, one warmup, three measured iterations, one
/// invocation per iteration (each invocation moves hundreds of thousands of messages), allocations
/// measured. The build timeout is raised because the bench project references most of the solution.
/// </summary>
public sealed class ActorBenchmarkConfig : ManualConfig
{
    public ActorBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
