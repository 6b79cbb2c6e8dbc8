namespace StandbyOps.Actors.Supervision;

/// <summary>What a supervisor does with a child whose message handler threw.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; drop the failing message and go on.</summary>
    Resume,

    /// <summary>Replace the instance with a fresh one from its props (after backoff); the mailbox is kept, timers are cancelled.</summary>
    Restart,

    /// <summary>Stop the child; its queued messages become dead letters.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception and let its own supervisor decide.</summary>
    Escalate,
}
