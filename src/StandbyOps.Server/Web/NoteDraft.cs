namespace StandbyOps.Server.Web;

/// <summary>A note that was refused, shown again in the form with the reason.</summary>
public sealed record NoteDraft(string Text, string Error);
