using StandbyOps.Testing.Support;

namespace StandbyOps.Paging.Tests.Notices;

/// <summary>Configurations for the "nobody waits silently" tests: the ops-nl team with chris on office-hours duty.</summary>
internal static class NoticeConfigs
{
    private const string ChrisOnDuty = """    duty: { every: day, handover: "08:30", order: [chris], start: "2026-01-05" }""";

    /// <summary>
    /// acme with business hours only (no standby agreement) or, with <paramref name="standby"/>, its nights/weekends/holidays
    /// standby; <paramref name="warnBefore"/> goes into its <c>sla</c>; the team pages whoever is on call, once.
    /// </summary>
    public static string Acme(bool standby, string? warnBefore = null) => ConfigBlocks.Document(
        ConfigBlocks.LogSmsServer,
        calendars: ConfigBlocks.NlOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(),
        teams: ConfigBlocks.OpsNlTeam(engineers: [.. ConfigBlocks.AnnaAndBram, ConfigBlocks.Engineer("chris", "Chris Smit", "+31634567890")], groupWait: "0s") + "\n" + ChrisOnDuty,
        customers: ConfigBlocks.AcmeCustomer(
            p1: ConfigBlocks.AcmeP1 + (warnBefore is null ? string.Empty : $"\n      warnBefore: {warnBefore}"),
            rest: standby ? ConfigBlocks.AcmeStandby : string.Empty));
}
