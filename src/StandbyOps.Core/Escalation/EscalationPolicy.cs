using NodaTime;

namespace StandbyOps.Core.Escalation;

/// <summary>
/// Ordered escalation steps, each due a delay after the incident opened; optionally repeated every
/// <see cref="RepeatEvery"/> (the whole list again, offset by one period per round) up to <see cref="MaxRounds"/>
/// rounds. Acknowledgement stops it; that is the pager's business, so this model is pure arithmetic over
/// "the index of the next step to run".
/// </summary>
public sealed class EscalationPolicy
{
    private readonly EscalationStep[] _steps;

    public EscalationPolicy(IReadOnlyList<EscalationStep> steps, Duration? repeatEvery = null, int? maxRounds = null)
    {
        Preconditions.NotNull(steps, nameof(steps));
        Preconditions.Require(steps.Count > 0, nameof(steps), "An escalation policy needs at least one step.");
        _steps = [.. steps];
        Preconditions.Require(Array.TrueForAll(_steps, s => s is not null), nameof(steps), "Escalation steps must not be null.");
        for (var i = 1; i < _steps.Length; i++)
        {
            Preconditions.Require(
                _steps[i].After >= _steps[i - 1].After,
                nameof(steps),
                $"Escalation step {i + 1} (after {_steps[i].After}) comes before step {i} (after {_steps[i - 1].After}); order steps by delay.");
        }

        if (repeatEvery is { } period)
        {
            Preconditions.CheckRange(
                period > _steps[^1].After,
                nameof(repeatEvery),
                period,
                "A repeat period must be longer than the last step's delay, or rounds would overlap.");
        }

        Preconditions.CheckRange(maxRounds is null or > 0, nameof(maxRounds), maxRounds, "A policy runs at least one round.");
        Preconditions.Require(maxRounds is null or 1 || repeatEvery is not null, nameof(maxRounds), "Several rounds need a repeat period.");
        RepeatEvery = repeatEvery;
        MaxRounds = repeatEvery is null ? 1 : maxRounds;
    }

    public IReadOnlyList<EscalationStep> Steps => _steps;

    public Duration? RepeatEvery { get; }

    /// <summary>The number of rounds; null repeats until acknowledged.</summary>
    public int? MaxRounds { get; }

    /// <summary>The <paramref name="index"/>-th step to run (counting across rounds), or null when the policy has run out.</summary>
    public ScheduledStep? StepAt(int index)
    {
        Preconditions.CheckRange(index >= 0, nameof(index), index, "Step indexes start at 0.");
        var round = index / _steps.Length;
        if (round >= MaxRounds)
        {
            return null;
        }

        var step = _steps[index % _steps.Length];
        var offset = RepeatEvery is { } period ? period * round : Duration.Zero;
        return new ScheduledStep(index, round, step, offset + step.After);
    }

    /// <summary>The steps from <paramref name="nextIndex"/> on that are due once <paramref name="elapsed"/> has passed since opening.</summary>
    public IReadOnlyList<ScheduledStep> DueSteps(int nextIndex, Duration elapsed)
    {
        var due = new List<ScheduledStep>();
        for (var index = nextIndex; StepAt(index) is { } step && step.DueAfter <= elapsed; index++)
        {
            due.Add(step);
        }

        return due;
    }

    /// <summary>
    /// Steps (of the first round) that do not fall inside the standby response time: due at or after it, so they
    /// cannot bring a response in time. A configuration warning, not an error.
    /// </summary>
    public IReadOnlyList<EscalationStep> StepsOutside(Duration responseWithin)
        => Array.FindAll(_steps, s => s.After >= responseWithin);
}
