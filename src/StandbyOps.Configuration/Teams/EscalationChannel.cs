namespace StandbyOps.Configuration.Teams;

/// <summary>How an escalation step reaches the engineers it notifies (<c>via:</c> of a step).</summary>
public enum EscalationChannel
{
    /// <summary>A text message with reply codes (the default).</summary>
    Sms,

    /// <summary>A phone call that reads the case and takes a keypress (1 acknowledges).</summary>
    Voice,
}
