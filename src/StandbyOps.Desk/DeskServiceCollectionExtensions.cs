using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StandbyOps.Configuration;
using StandbyOps.Desk.FollowUps;
using StandbyOps.Desk.Intake;
using StandbyOps.Desk.Links;
using StandbyOps.Desk.Mail;
using StandbyOps.Desk.Tickets;
using StandbyOps.Incidents.Observers;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Desk;

/// <summary>Registers the service desk. Expects the host's <c>IDatabase</c>, <c>IClock</c>, <c>StandbyOpsConfig</c>, the incident desk and the intent relay.</summary>
public static class DeskServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TicketDesk"/>, the mail outbox and its SMTP sender, the customer notices (written in the desk's
    /// transaction), periodic updates, follow-up reviews, the triage queue and the IMAP intake (which idles when <c>mail.imap</c> is not configured).
    /// </summary>
    public static IServiceCollection AddDesk(this IServiceCollection services, Action<IServiceProvider, DeskOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp =>
        {
            var options = new DeskOptions();
            configure?.Invoke(sp, options);
            return options;
        });
        // The configuration is asked for at each use, so a reload is followed.
        services.TryAddSingleton<Func<StandbyOpsConfig>>(sp => () => sp.GetRequiredService<StandbyOpsConfig>());
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<IIncidentTransactionObserver, TicketNotices>();
        services.AddSingleton<IIncidentObserver, MailWake>();
        services.AddSingleton<IIntentHandler, SmtpMailSender>();
        services.AddSingleton<IIntentHandler, PeriodicUpdateHandler>();
        services.AddSingleton<IIntentHandler, FollowUpHandler>();
        services.AddSingleton<FollowUpReviews>();
        services.AddSingleton<TriageQueue>();
        services.AddSingleton<TicketLinks>();
        services.AddSingleton<MailIntakeProcessor>();
        services.AddHostedService<MailIntakeService>();
        return services;
    }
}
