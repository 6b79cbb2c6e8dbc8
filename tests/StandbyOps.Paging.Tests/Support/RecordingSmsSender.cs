using System.Globalization;
using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Tests.Support;

/// <summary>An SMS provider that records what it is asked to send; a test may hold a send open (<see cref="Hold"/>) or queue outcomes.</summary>
public sealed class RecordingSmsSender : ISmsSender
{
    private readonly Lock _lock = new();
    private readonly List<OutgoingSms> _sent = [];
    private readonly Queue<SmsSendOutcome> _outcomes = new();
    private int _next;

    /// <summary>When set, each send waits for it before answering.</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Signalled when a send starts.</summary>
    public TaskCompletionSource Started { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every send asked for, accepted or not, oldest first.</summary>
    public IReadOnlyList<OutgoingSms> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    public void Enqueue(SmsSendOutcome outcome)
    {
        lock (_lock)
        {
            _outcomes.Enqueue(outcome);
        }
    }

    public async Task<SmsSendOutcome> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        SmsSendOutcome? queued;
        TaskCompletionSource started;
        lock (_lock)
        {
            _sent.Add(sms);
            _outcomes.TryDequeue(out queued);
            started = Started;
            Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        started.TrySetResult();
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        return queued ?? new SmsAccepted("SM" + Interlocked.Increment(ref _next).ToString("D32", CultureInfo.InvariantCulture), "queued");
    }
}
