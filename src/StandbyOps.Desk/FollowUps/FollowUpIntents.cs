namespace StandbyOps.Desk.FollowUps;

/// <summary>The intent kind of the desk's follow-up reviews.</summary>
public static class FollowUpIntents
{
    /// <summary>Review N of one ticket is due (<see cref="FollowUpPayload"/> as payload).</summary>
    public const string Review = "desk.followup";
}
