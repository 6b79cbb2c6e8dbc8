namespace StandbyOps.Desk.Intake;

/// <summary>What became of one mail of the support mailbox.</summary>
public static class MailOutcome
{
    public const string Ticket = "ticket";
    public const string Reply = "reply";
    public const string Triage = "triage";
    public const string Skipped = "skipped";
}
