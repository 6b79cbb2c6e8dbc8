namespace StandbyOps.Core.Sla;

/// <summary>A customer's SLA: targets per priority. A priority without targets has no deadlines (except inside standby).</summary>
public sealed class SlaContract
{
    private readonly Dictionary<Priority, PriorityTargets> _targets;

    public SlaContract(IReadOnlyDictionary<Priority, PriorityTargets> targets)
    {
        Preconditions.NotNull(targets, nameof(targets));
        _targets = new Dictionary<Priority, PriorityTargets>(targets.Count);
        foreach (var (priority, target) in targets)
        {
            Preconditions.Require(Enum.IsDefined(priority), nameof(targets), $"'{priority}' is not a priority P1…P4.");
            _targets[priority] = Preconditions.NotNull(target, nameof(targets));
        }
    }

    /// <summary>A contract without targets.</summary>
    public static SlaContract None { get; } = new(new Dictionary<Priority, PriorityTargets>());

    public IReadOnlyDictionary<Priority, PriorityTargets> Targets => _targets;

    public PriorityTargets? For(Priority priority) => _targets.GetValueOrDefault(priority);
}
