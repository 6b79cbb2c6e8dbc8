namespace StandbyOps.Paging.Dispatch;

/// <summary>Host wiring for paging: how to wake the intent relay after new due rows are written.</summary>
public sealed class PagingOptions
{
    /// <summary>Called after paging wrote intents that may be due now; a no-op by default (the relay polls anyway).</summary>
    public Action Wake { get; set; } = static () => { };

    /// <summary>The per-phone send limit.</summary>
    public SendBudget Budget { get; set; } = SendBudget.Default;
}
