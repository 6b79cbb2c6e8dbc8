namespace StandbyOps.Server.Hosting;

/// <summary>
/// Wraps a logger provider and drops the host's "Hosting failed to start" entry when the cause is a busy listen
/// address: <see cref="Cli.ServeCommand"/> says that in one line (<see cref="AddressInUse"/>), not as a stack trace.
/// Every other entry, and every other start failure, passes unchanged.
/// </summary>
public sealed class AddressInUseLogFilter(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    /// <summary>The category of the generic host's own log entries.</summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName == HostCategory ? new Filtered(logger) : logger;
    }

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();

    private sealed class Filtered(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!AddressInUse.Is(exception))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
