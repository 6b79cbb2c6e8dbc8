using System.Diagnostics;

namespace StandbyOps.Monitoring.Probes;

/// <summary>
/// The timeout and failure handling every probe shares: the attempt is bounded by the definition's
/// timeout even when the target (or a resolver call that ignores cancellation) hangs, and anything
/// that goes wrong becomes a failed result, except cancellation by the caller.
/// </summary>
internal static class ProbeExecution
{
    /// <param name="timeout">The definition's timeout.</param>
    /// <param name="check">The probe proper, given the start timestamp (for latency) and the attempt's token.</param>
    /// <param name="describeFailure">Turns an exception from <paramref name="check"/> into a short reason.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public static async Task<ProbeResult> RunAsync(
        TimeSpan timeout,
        Func<long, CancellationToken, Task<ProbeResult>> check,
        Func<Exception, string> describeFailure,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            // WaitAsync: some calls (getaddrinfo without getaddrinfo_a, ping) cannot be cancelled, only abandoned.
            return await check(started, attempt.Token).WaitAsync(attempt.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            // A socket torn down by cancellation may surface as an IOException; the caller asked to stop either way.
            throw new OperationCanceledException("The probe was cancelled by its caller.", e, cancellationToken);
        }
        catch (Exception) when (attempt.IsCancellationRequested)
        {
            return ProbeResult.Failed(Stopwatch.GetElapsedTime(started), $"timed out after {ProbeText.Duration(timeout)}");
        }
        catch (Exception e)
        {
            return ProbeResult.Failed(Stopwatch.GetElapsedTime(started), describeFailure(e));
        }
    }

    /// <summary>The innermost exception of type <typeparamref name="T"/> in <paramref name="exception"/>'s chain.</summary>
    public static T? Find<T>(Exception exception)
        where T : Exception
    {
        T? found = null;
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                found = match;
            }
        }

        return found;
    }

    /// <summary>Fallback reason for an exception nobody mapped: its first line, prefixed by the layer.</summary>
    public static string Unexpected(string layer, Exception exception)
    {
        var message = exception.Message.ReplaceLineEndings("\n").Split('\n')[0];
        return $"{layer}: {(message.Length > 0 ? message : exception.GetType().Name)}";
    }
}
