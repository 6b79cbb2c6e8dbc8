using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Billing.Store;
using StandbyOps.Configuration;
using StandbyOps.Configuration.Sms;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;
using StandbyOps.Incidents.Pages;
using StandbyOps.Incidents.Sla;
using StandbyOps.Paging.Notices;
using StandbyOps.Paging.Sms;
using StandbyOps.Paging.Twilio;
using StandbyOps.Paging.Voice;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Registers paging: store, escalation runner, page sender, delivery tracker, desk observer, intent handlers, pages source, SMS and call senders per configured provider, paging calls' webhooks and all-clears.</summary>
public static class PagingServiceCollectionExtensions
{
    /// <summary>Adds paging. The SMS provider and its account are the configuration's in force: a reload of <c>sms</c> reaches the next text or call.</summary>
    public static IServiceCollection AddPaging(this IServiceCollection services, Action<IServiceProvider, PagingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Asked for at each request of the Twilio HTTP pipeline, so a reload that moves sms.twilio.baseUrl reaches it.
        services.AddTransient(sp => TwilioOptions.Of(sp.GetRequiredService<StandbyOpsConfig>().Sms.Twilio));
        services.AddTwilioHttpClient();
        services.AddSingleton(sp =>
        {
            var options = new PagingOptions();
            configure?.Invoke(sp, options);
            return options;
        });
        services.AddSingleton<PagingMetrics>();
        services.AddSingleton<ISmsOutbox, DurableSmsOutbox>();
        services.AddSingleton<ISmsSender>(sp => new ConfiguredSmsSender(new SmsProviderInForce<ISmsSender>(
            () => sp.GetRequiredService<StandbyOpsConfig>().Sms,
            twilio => new TwilioSmsSender(sp.GetRequiredService<IHttpClientFactory>(), TwilioOptions.Of(twilio), sp.GetRequiredService<ILogger<TwilioSmsSender>>()),
            new LogSmsSender(sp.GetRequiredService<ISmsOutbox>(), sp.GetRequiredService<IClock>(), sp.GetRequiredService<ILogger<LogSmsSender>>()))));
        services.AddSingleton<ICallSender>(sp => new ConfiguredCallSender(new SmsProviderInForce<ICallSender>(
            () => sp.GetRequiredService<StandbyOpsConfig>().Sms,
            twilio => new TwilioCallSender(sp.GetRequiredService<IHttpClientFactory>(), TwilioOptions.Of(twilio), sp.GetRequiredService<ILogger<TwilioCallSender>>()),
            new LogCallSender(sp.GetRequiredService<ILogger<LogCallSender>>()))));
        services.AddSingleton<PagingStore>();
        services.AddSingleton(sp => new PagingNotes(sp.GetRequiredService<IncidentDesk>(), sp.GetRequiredService<PagingStore>(), sp.GetRequiredService<IClock>()));
        services.AddSingleton(sp => new PageSender(
            sp.GetRequiredService<PagingStore>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IncidentDesk>(),
            () => sp.GetRequiredService<StandbyOpsConfig>(),
            sp.GetRequiredService<ISmsSender>(),
            sp.GetRequiredService<ICallSender>(),
            sp.GetRequiredService<PagingNotes>(),
            sp.GetRequiredService<PagingOptions>(),
            sp.GetRequiredService<PagingMetrics>(),
            sp.GetRequiredService<ILogger<PageSender>>()));
        services.AddSingleton(sp => new EscalationRunner(
            sp.GetRequiredService<PagingStore>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IncidentDesk>(),
            sp.GetRequiredService<IncidentSlaPolicy>(),
            () => sp.GetRequiredService<StandbyOpsConfig>(),
            sp.GetRequiredService<PageSender>(),
            sp.GetRequiredService<PagingNotes>(),
            sp.GetService<ICalloutRecorder>() ?? new NoCalloutRecorder(),
            sp.GetService<IRotaSource>() ?? new ConfiguredRotas(),
            sp.GetRequiredService<PagingOptions>(),
            sp.GetRequiredService<PagingMetrics>(),
            sp.GetRequiredService<ILogger<EscalationRunner>>()));
        services.AddSingleton<DeliveryTracker>();
        services.AddSingleton(sp => new PagedEngineerActions(sp.GetRequiredService<IDatabase>(), sp.GetRequiredService<IncidentDesk>()));
        services.AddSingleton(sp => new VoiceCallHandler(
            sp.GetRequiredService<PagingStore>(),
            sp.GetRequiredService<PagedEngineerActions>(),
            () => sp.GetRequiredService<StandbyOpsConfig>()));
        services.AddSingleton(sp => new AllClearSender(
            sp.GetRequiredService<PagingStore>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IncidentDesk>(),
            () => sp.GetRequiredService<StandbyOpsConfig>(),
            sp.GetRequiredService<ISmsSender>(),
            sp.GetRequiredService<PagingNotes>(),
            sp.GetRequiredService<PagingOptions>(),
            sp.GetRequiredService<ILogger<AllClearSender>>()));
        services.AddSingleton(sp => new SmsReplyHandler(
            sp.GetRequiredService<IDatabase>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IncidentDesk>(),
            () => sp.GetRequiredService<StandbyOpsConfig>()));
        services.AddSingleton<IIncidentObserver, PagingObserver>();
        services.AddSingleton<IIncidentPagesSource, StoredIncidentPages>();
        services.AddSingleton<IIntentHandler, EscalationStepHandler>();
        services.AddSingleton<IIntentHandler, PageSendHandler>();
        services.AddSingleton<IIntentHandler, PageCallHandler>();
        services.AddSingleton<IIntentHandler, AllClearHandler>();
        services.AddSingleton<IIntentHandler, PagingStartHandler>();
        services.AddSingleton<IIntentHandler, HoursOpenHandler>();
        services.AddSingleton<IIntentHandler, NoticeSmsHandler>();
        services.AddSingleton<IIncidentTransactionObserver>(sp => new SlaNoticeWriter(() => sp.GetRequiredService<StandbyOpsConfig>()));
        services.AddHostedService<TwilioWarmUp>();
        return services;
    }
}
