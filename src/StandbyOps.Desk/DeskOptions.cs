namespace StandbyOps.Desk;

/// <summary>Host hooks of the desk.</summary>
public sealed class DeskOptions
{
    /// <summary>Wakes the intent relay after a mail was queued, so it goes out now rather than at the next poll.</summary>
    public Action Wake { get; set; } = () => { };
}
