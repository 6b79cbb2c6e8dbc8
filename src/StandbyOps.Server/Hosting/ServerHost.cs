using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using NodaTime;
using StandbyOps.Actors;
using StandbyOps.Actors.Time;
using StandbyOps.Configuration;
using StandbyOps.Incidents;
using StandbyOps.Metrics;
using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Probes;
using StandbyOps.Monitoring.Push;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Paging.Dispatch;
using StandbyOps.Server.Api;
using StandbyOps.Server.Auth;
using StandbyOps.Server.History;
using StandbyOps.Server.Metrics;
using StandbyOps.Server.Monitoring;
using StandbyOps.Server.Problems;
using StandbyOps.Server.Reports;
using StandbyOps.Server.Rota;
using StandbyOps.Server.Web;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;
using StandbyOps.Storage.Migrations;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Hosting;

/// <summary>The composition root: wires the store, the API, the background machinery and the clock.</summary>
public static partial class ServerHost
{
    /// <summary>Builds the web application for a validated configuration.</summary>
    public static WebApplication Build(ServerSettings settings, StandbyOpsConfig config, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var services = builder.Services;
        // One time source: the scheduler is the clock, so a virtual-time run moves both together.
        services.AddSingleton(scheduler);
        services.AddSingleton<IClock>(scheduler);
        services.AddSingleton(sp => new ActorSystem("standbyops", scheduler, new ActorSystemOptions
        {
            OnDeadLetter = sp.GetRequiredService<DeadLetterLog>().Record,
        }));
        services.AddSingleton<DeadLetterLog>();
        services.AddHostedService<ActorSystemService>();
        services.AddSingleton(settings);
        // The configuration in force can be reloaded; resolve it per use rather than capturing it.
        services.AddSingleton(new LiveConfig(config, settings));
        services.AddTransient(sp => sp.GetRequiredService<LiveConfig>().Current);
        services.AddSingleton(new StoreOptions(settings.DataDirectory));
        services.AddSingleton<MetricsRegistry>();
        services.AddSingleton<ServerMetrics>();
        // The embedded store; callers depend on IDatabase only, so a PostgreSQL store can be registered here instead.
        services.AddSingleton<IDatabase>(sp =>
        {
            var writes = sp.GetRequiredService<ServerMetrics>().StoreWriteDuration;
            return new SqliteDatabase(sp.GetRequiredService<StoreOptions>(), elapsed => writes.Observe(elapsed.TotalSeconds));
        });
        services.AddSingleton<TokenStore>();
        services.AddSingleton<IntentStore>();
        services.AddSingleton<IntentRelay>();
        services.AddSingleton<IntentRelayService>();
        services.AddHostedService(sp => sp.GetRequiredService<IntentRelayService>());
        services.AddSingleton<RuntimeState>();
        services.AddIncidents();
        services.AddPaging((sp, o) => o.Wake = () => sp.GetRequiredService<IntentRelayService>().Wake());
        services.AddBilling();
        services.AddRota();
        services.AddPushIngest();
        services.AddCheckHistory();
        AddMonitoring(services);

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new InstantJsonConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        // Every endpoint needs a valid token unless it opts out (health, heartbeats, signed webhooks; the web UI's pages ask for its session cookie instead).
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder(TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
        services.AddWebUi(settings);
        services.AddOpenApi();

        var app = builder.Build();
        app.Services.GetRequiredService<ServerMetrics>().Observe(app.Services.GetRequiredService<ActorSystem>());
        app.Services.GetRequiredService<ServerMetrics>().Observe(app.Services.GetRequiredService<IntentRelay>());
        app.UseMiddleware<RequestMetricsMiddleware>();
        app.UseMiddleware<PublicSchemeMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthApi();
        app.MapMetricsApi();
        app.MapTokensApi();
        app.MapIncidentsApi();
        app.MapPushApi();
        app.MapAlertmanagerApi();
        app.MapPingApi();
        app.MapSystemsApi();
        app.MapAdminApi();
        app.MapTwilioApi();
        app.MapSmsOutboxApi();
        app.MapBillingApi();
        app.MapOnCallApi();
        app.MapHolidaysApi();
        app.MapAvailabilityApi();
        app.MapSlaReportApi();
        app.MapWebUi();
        if (scheduler is VirtualTime virtualTime)
        {
            app.MapVirtualClockApi(virtualTime);
        }

        return app;
    }

    private static void AddMonitoring(IServiceCollection services)
    {
        services.AddProbes();
        services.AddSingleton<SystemStatusBoard>();
        services.AddSingleton<MonitoringMetrics>();
        services.AddSingleton<HeartbeatStore>();
        services.AddSingleton<StandbyOps.Monitoring.Signals.ISignalSink, DeskSignalSink>();
        services.AddSingleton(sp => new MonitorServices(
            sp.GetRequiredService<ProbeFactory>().Create,
            sp.GetRequiredService<StandbyOps.Monitoring.Signals.ISignalSink>(),
            sp.GetRequiredService<SystemStatusBoard>(),
            sp.GetRequiredService<HeartbeatStore>(),
            sp.GetRequiredService<MonitoringMetrics>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<MonitoringHost>();
        services.AddHostedService(sp => sp.GetRequiredService<MonitoringHost>());
        services.AddSingleton(sp =>
        {
            var host = sp.GetRequiredService<MonitoringHost>();
            return new HeartbeatPings(() => host.Directory, sp.GetRequiredService<HeartbeatStore>(), host.Supervisor, sp.GetRequiredService<IClock>());
        });
    }

    /// <summary>Prepares the store (migrations, environment admin token) before the server accepts requests.</summary>
    public static async Task PrepareStoreAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var database = services.GetRequiredService<IDatabase>();
        var clock = services.GetRequiredService<IClock>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("StandbyOps.Server");
        var applied = await new MigrationRunner(database, clock).ApplyAsync(StoreSchema.Migrations, cancellationToken).ConfigureAwait(false);
        LogStore(logger, database.Location, applied.Count);
        if (services.GetRequiredService<IScheduler>() is VirtualTime)
        {
            LogVirtualTime(logger, clock.GetCurrentInstant(), VirtualClockApi.Variable);
        }

        var adminSecret = Environment.GetEnvironmentVariable(ServerSettings.AdminTokenVariable);
        if (!string.IsNullOrWhiteSpace(adminSecret))
        {
            await services.GetRequiredService<TokenStore>().EnsureEnvironmentAdminAsync(adminSecret, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            LogAdminToken(logger, ServerSettings.AdminTokenVariable);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: SQLite at {Path} ({Applied} migrations applied now). SQLite mode is single-node by design: run one StandbyOps process per data directory")]
    private static partial void LogStore(ILogger logger, string path, int applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running on VIRTUAL TIME starting {Start} ({Variable} is set): time moves only through POST /api/v1/admin/clock/advance. Never use this in production")]
    private static partial void LogVirtualTime(ILogger logger, Instant start, string variable);

    [LoggerMessage(Level = LogLevel.Information, Message = "An admin token exists for the secret in {Variable}")]
    private static partial void LogAdminToken(ILogger logger, string variable);
}
