using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Support;

/// <summary>Small, valid configurations for tests that need a server but no monitoring.</summary>
public static class TestConfigs
{
    /// <summary>One customer (<c>acme</c>) with a calendar, rate card and team, and no checks.</summary>
    public static readonly string Minimal = ConfigBlocks.Document(
        ConfigBlocks.LogSmsServer,
        calendars: ConfigBlocks.NlOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(),
        teams: ConfigBlocks.OpsNlTeam(escalation: [ConfigBlocks.OnCallStep, ConfigBlocks.Step("10m", "backup")]),
        customers: ConfigBlocks.AcmeCustomer());
}
