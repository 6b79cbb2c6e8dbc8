namespace StandbyOps.Desk;

/// <summary>Host hooks of the desk.</summary>
public sealed class DeskOptions
{
    /// <summary>Wakes the intent relay after a mail was queued, so it goes out now rather than at the next poll.</summary>
    public Action Wake { get; set; } = () => { };

    /// <summary>
    /// Calls the given action after each configuration reload the host applied, until the returned handle is disposed;
    /// the mail intake uses it to follow <c>mail.imap</c>. By default no reload is ever announced.
    /// </summary>
    public Func<Action, IDisposable> WatchReloads { get; set; } = _ => NoWatch.Instance;

    private sealed class NoWatch : IDisposable
    {
        public static readonly NoWatch Instance = new();

        public void Dispose()
        {
        }
    }
}
