namespace StandbyOps.Server.Web;

/// <summary>What the rota page links to: its team and view, the first day shown, the previous and next period, the teams to pick.</summary>
public sealed record RotaNavigation(string Team, string View, string From, string Previous, string Next, IReadOnlyList<string> Teams);
