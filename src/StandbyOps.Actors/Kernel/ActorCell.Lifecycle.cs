using StandbyOps.Actors.Supervision;

namespace StandbyOps.Actors.Kernel;

/// <summary>Start, failure, supervision, restart and stop of a cell.</summary>
internal sealed partial class ActorCell
{
    private bool CreateInstance(Exception? restartCause)
    {
        try
        {
            var outer = _constructing;
            _constructing = this;
            ActorBase actor;
            try
            {
                actor = _props.Factory();
            }
            finally
            {
                _constructing = outer;
            }

            if (actor is null || !ReferenceEquals(actor.Cell, this))
            {
                throw new InvalidOperationException($"The props factory for {_props.Kind} must return a new instance on every call.");
            }

            _actor = actor;
            if (restartCause is null)
            {
                actor.PreStart();
            }
            else
            {
                actor.PostRestart(restartCause);
            }

            return true;
        }
        catch (Exception exception)
        {
            _actor = null;
            HandleFailure(new ActorInitializationException(Path, exception), null);
            return false;
        }
    }

    /// <summary>The instance threw: stop taking messages and let the parent decide.</summary>
    private void HandleFailure(Exception cause, object? message)
    {
        if (_terminating)
        {
            // A stopping actor is not supervised any more; the failure is only reported.
            _system.ReportFailure(new ActorFailure(this, cause, Directive.Stop));
            return;
        }

        _suspended = true;
        Extras.FailedMessage = message;
        if (_parent is null)
        {
            // The guardian runs no user code that could fail; if it somehow does, keep it alive.
            _system.ReportFailure(new ActorFailure(this, cause, Directive.Resume));
            ResumeAfterFailure();
            return;
        }

        _parent.SendSystem(new Failed(this, cause));
    }

    private void HandleChildFailure(ActorCell child, Exception cause)
    {
        if (_terminating || child._stopRequested || !IsChild(child))
        {
            return;
        }

        var strategy = _parent is null ? _system.GuardianStrategy : _props.SupervisorStrategy ?? SupervisorStrategy.Default;
        Directive directive;
        try
        {
            directive = strategy.Decider(cause);
        }
        catch (Exception deciderFailure)
        {
            _system.ReportFailure(new ActorFailure(child, deciderFailure, Directive.Stop));
            child.Stop();
            return;
        }

        if (directive == Directive.Resume && cause is ActorInitializationException)
        {
            // There is no instance to resume.
            directive = Directive.Restart;
        }

        if (directive == Directive.Restart)
        {
            var settings = strategy.Restart;
            var stats = child.Extras;
            var now = _system.Scheduler.GetCurrentInstant();
            if (stats.RestartWindowStart is not { } start || now - start >= settings.Within)
            {
                stats.RestartWindowStart = now;
                stats.RestartCount = 0;
            }

            stats.RestartCount++;
            if (stats.RestartCount <= settings.MaxRestarts)
            {
                _system.ReportFailure(new ActorFailure(child, cause, Directive.Restart));
                var delay = settings.BackoffFor(stats.RestartCount);
                if (delay <= NodaTime.Duration.Zero)
                {
                    child.SendSystem(new Recreate(cause));
                }
                else
                {
                    _system.Scheduler.ScheduleOnce(delay, () => child.SendSystem(new Recreate(cause)));
                }

                return;
            }

            directive = settings.WhenExceeded;
        }

        _system.ReportFailure(new ActorFailure(child, cause, directive));
        switch (directive)
        {
            case Directive.Resume:
                child.SendSystem(new Resume());
                break;
            case Directive.Escalate when _parent is not null:
                (Extras.Escalated ??= []).Add(child);
                HandleFailure(cause, null);
                break;
            default:
                // Stop, or escalation from a top-level actor: the guardian has nobody to escalate to.
                child.Stop();
                break;
        }
    }

    private void ResumeAfterFailure()
    {
        if (_terminating || _actor is null)
        {
            return;
        }

        _suspended = false;
        if (_extras is { } extras)
        {
            extras.FailedMessage = null;
            ReleaseEscalated(extras, static child => child.SendSystem(new Resume()));
        }
    }

    private void Restart(Exception cause)
    {
        if (_terminating)
        {
            return;
        }

        if (_actor is { } failed)
        {
            try
            {
                failed.PreRestart(cause, _extras?.FailedMessage);
            }
            catch (Exception exception)
            {
                _system.ReportFailure(new ActorFailure(this, exception, Directive.Restart));
            }
        }

        _actor = null;
        _extras?.Timers?.CancelAll();
        if (AnyChildStopping())
        {
            // Wait for the stopping children, so the new instance can reuse their names.
            Extras.PendingRecreate = cause;
            return;
        }

        FinishRestart(cause);
    }

    private void FinishRestart(Exception cause)
    {
        if (!CreateInstance(cause))
        {
            return;
        }

        _suspended = false;
        if (_extras is { } extras)
        {
            extras.FailedMessage = null;
            ReleaseEscalated(extras, child => child.SendSystem(new Recreate(cause)));
        }
    }

    private static void ReleaseEscalated(CellExtras extras, Action<ActorCell> release)
    {
        if (extras.Escalated is not { } escalated)
        {
            return;
        }

        extras.Escalated = null;
        foreach (var child in escalated)
        {
            if (!child._stopRequested)
            {
                release(child);
            }
        }
    }

    private void BeginTerminate()
    {
        if (_terminating)
        {
            return;
        }

        _terminating = true;
        _extras?.Timers?.CancelAll();
        var children = CloseChildren();
        foreach (var child in children)
        {
            child.Stop();
        }

        if (children.Count == 0)
        {
            FinishTerminate();
        }
    }

    private void HandleChildTerminated(ActorCell child)
    {
        var remaining = RemoveChild(child);
        if (_terminating)
        {
            if (remaining == 0)
            {
                FinishTerminate();
            }
        }
        else if (_extras?.PendingRecreate is { } cause && !AnyChildStopping())
        {
            _extras.PendingRecreate = null;
            FinishRestart(cause);
        }
    }

    private void FinishTerminate()
    {
        if (_actor is { } actor)
        {
            try
            {
                actor.PostStop();
            }
            catch (Exception exception)
            {
                _system.ReportFailure(new ActorFailure(this, exception, Directive.Stop));
            }
        }

        _actor = null;
        _currentMessage = null;
        _sender = null;
        _terminated = true;
        DrainToDeadLetters();

        // The parent hears first, so whoever reacts to Terminated finds the name free and the counts updated.
        if (_parent is not null)
        {
            _system.CellTerminated(this);
            _parent.SendSystem(new ChildTerminated(this));
        }

        if (_extras is { } extras)
        {
            if (extras.Watchers is { } watchers)
            {
                foreach (var watcher in watchers)
                {
                    NotifyWatcher(watcher);
                }
            }

            if (extras.Watching is { } watching)
            {
                foreach (var watched in watching)
                {
                    (watched as ActorCell)?.SendSystem(new Unwatch(this));
                }
            }

            extras.Watchers = null;
            extras.Watching = null;
            extras.Escalated = null;
            extras.FailedMessage = null;
        }

        MarkDrained();
        if (_parent is null)
        {
            _system.GuardianTerminated();
        }
    }

    private void NotifyWatcher(IActorRef watcher)
    {
        var terminated = new Terminated(this);
        if (watcher is ActorCell cell)
        {
            cell.EnqueueInternal(new DeathWatchNotification(terminated), this);
        }
        else
        {
            watcher.Tell(terminated, this);
        }
    }
}
