using StandbyOps.Storage.Intents;

namespace StandbyOps.Server.Reports.Mail;

/// <summary>The monthly SLA report mail in the server: its schedule, its intent handler and the start-up scheduling.</summary>
public static class ReportMailHosting
{
    /// <summary>Registers the services.</summary>
    public static IServiceCollection AddSlaReportMail(this IServiceCollection services)
    {
        services.AddSingleton<SlaReportMailSchedule>();
        services.AddSingleton<IIntentHandler, SlaReportMailHandler>();
        services.AddHostedService<SlaReportMailService>();
        return services;
    }
}
