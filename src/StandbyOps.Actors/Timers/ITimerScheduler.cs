using NodaTime;

namespace StandbyOps.Actors.Timers;

/// <summary>
/// An actor's own keyed timers (<c>Context.Timers</c>). Each key has at most one timer; starting a key
/// again replaces it, and a message the replaced timer had already fired is dropped, never delivered.
/// All timers are cancelled when the actor stops or restarts. Use only from inside the actor.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Delivers <paramref name="message"/> to the actor once, after <paramref name="delay"/>.</summary>
    void StartSingleTimer(object key, object message, Duration delay);

    /// <summary>Delivers <paramref name="message"/> every <paramref name="interval"/>, the first time after one interval.</summary>
    void StartPeriodicTimer(object key, object message, Duration interval);

    /// <summary>Delivers <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, Duration initialDelay, Duration interval);

    /// <summary>Whether a timer with <paramref name="key"/> is running (a single timer stops being active once its message is delivered).</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer with <paramref name="key"/>, if any; an already fired message is dropped.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer of the actor.</summary>
    void CancelAll();
}
