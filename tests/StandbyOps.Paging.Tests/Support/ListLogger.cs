using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StandbyOps.Paging.Tests.Support;

/// <summary>Keeps every log entry (formatted text plus structured values) so tests can inspect what was logged.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        _entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
    }
}

/// <summary>One captured log entry.</summary>
public sealed record LogEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);
