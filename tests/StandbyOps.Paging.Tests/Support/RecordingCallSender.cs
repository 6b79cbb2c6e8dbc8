using System.Globalization;
using StandbyOps.Paging.Sms;
using StandbyOps.Paging.Voice;

namespace StandbyOps.Paging.Tests.Support;

/// <summary>A call provider that records the calls it is asked to place; a test may queue outcomes.</summary>
public sealed class RecordingCallSender : ICallSender
{
    private readonly Lock _lock = new();
    private readonly List<OutgoingCall> _calls = [];
    private readonly Queue<SmsSendOutcome> _outcomes = new();
    private int _next;

    /// <summary>Every call asked for, accepted or not, oldest first.</summary>
    public IReadOnlyList<OutgoingCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
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

    public Task<SmsSendOutcome> CallAsync(OutgoingCall call, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _calls.Add(call);
            return Task.FromResult(_outcomes.TryDequeue(out var queued)
                ? queued
                : new SmsAccepted("CA" + Interlocked.Increment(ref _next).ToString("D32", CultureInfo.InvariantCulture), "queued"));
        }
    }
}
