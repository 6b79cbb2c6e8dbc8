using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging.Console;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Incidents;
using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Probes;
using StandbyOps.Monitoring.Push;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Paging.Dispatch;
using StandbyOps.Paging.Retention;
using StandbyOps.Server.Api;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Cluster;
using StandbyOps.Server.Desk;
using StandbyOps.Server.History;
using StandbyOps.Server.Metrics;
using StandbyOps.Server.Monitoring;
using StandbyOps.Server.Problems;
using StandbyOps.Server.Reports;
using StandbyOps.Server.Reports.Mail;
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
    /// <summary>
    /// How long a graceful stop (SIGTERM) may take before the host gives up on what still runs: the intent relay's
    /// <see cref="IntentRelayService.StopGrace"/> and the monitors' drain fit in it; a deployment waits longer before SIGKILL.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Builds the web application for a validated configuration. <paramref name="clock"/> is the domain's time:
    /// the system clock, or a <see cref="VirtualClock"/>, which also puts the actor system on virtual time.
    /// </summary>
    public static WebApplication Build(ServerSettings settings, StandbyOpsConfig config, IClock clock)
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
        QuietAddressInUse(builder.Services);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        var services = builder.Services;
        // One domain clock; the actors' timers run on Akka's scheduler (both virtual in a virtual-time run).
        services.AddSingleton(clock);
        services.AddSingleton<DeadLetterLog>();
        services.AddSingleton<ClusterView>();
        if (config.Cluster is not null)
        {
            services.AddSingleton<ClusterMetrics>();
        }

        AddActors(services, config, clock as VirtualClock);
        services.AddSingleton(sp => sp.GetRequiredService<ActorSystem>().Scheduler);
        services.AddSingleton(settings);
        // The configuration in force can be reloaded; resolve it per use rather than capturing it.
        services.AddSingleton(new LiveConfig(config, settings));
        services.AddTransient(sp => sp.GetRequiredService<LiveConfig>().Current);
        // The host's own registry (not prometheus-net's static default), so several servers can run in one process.
        services.AddSingleton(_ =>
        {
            var registry = Prometheus.Metrics.NewCustomRegistry();
            Prometheus.DotNetStats.Register(registry);
            return registry;
        });
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton(new ScrapeBursts(ScrapeBursts.TrimHeap));
        // SQLite in the data directory unless the configuration names a PostgreSQL store; callers depend on IDatabase only.
        services.AddSingleton<IDatabase>(sp =>
        {
            var writes = sp.GetRequiredService<ServerMetrics>().StoreWriteDuration;
            var live = sp.GetRequiredService<LiveConfig>();
            return StoreFactory.Open(config.Store, settings.DataDirectory, elapsed => writes.Observe(elapsed.TotalSeconds), () => live.Current.Server.StoreMaxSize);
        });
        services.AddSingleton<TokenStore>();
        services.AddSingleton<IntentStore>();
        services.AddSingleton<IntentRelay>();
        services.AddSingleton<IntentRelayService>();
        services.AddHostedService(sp => sp.GetRequiredService<IntentRelayService>());
        services.AddSingleton(RetentionPolicy.Default);
        services.AddSingleton<RetentionSweep>();
        services.AddHostedService<RetentionService>();
        services.AddSingleton<RuntimeState>();
        services.AddIncidents();
        services.AddPaging((sp, o) => o.Wake = () => sp.GetRequiredService<IntentRelayService>().Wake());
        services.AddSingleton<StandbyOps.Server.Paging.SmsReplySimulator>();
        services.AddBilling();
        services.AddDeskServices();
        services.AddRota();
        services.AddPushIngest();
        services.AddCheckHistory();
        services.AddSlaReportMail();
        AddMonitoring(services);

        services.AddProblemDetails();
        services.AddExceptionHandler<StoreFullExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new InstantJsonConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // A key given twice is ambiguous (which one wins differs between parsers): refuse it as malformed JSON.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        // Every endpoint needs a valid token unless it opts out (health, heartbeats, signed webhooks; the web UI's pages ask for its session cookie instead).
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder(TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
        services.AddWebUi(settings);
        services.AddOpenApi();

        var app = builder.Build();
        app.Services.GetRequiredService<ServerMetrics>().Observe(app.Services.GetRequiredService<ActorSystem>(), app.Services.GetRequiredService<DeadLetterLog>());
        app.Services.GetRequiredService<ServerMetrics>().Observe(app.Services.GetRequiredService<IntentRelay>());
        app.Services.GetRequiredService<ServerMetrics>().Observe(app.Services.GetRequiredService<IDatabase>().WriteHealth);
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
        app.MapDeskApi();
        app.MapAvailabilityApi();
        app.MapSlaReportApi();
        app.MapWebUi();
        if (clock is VirtualClock virtualTime)
        {
            app.MapVirtualClockApi(virtualTime);
        }

        return app;
    }

    /// <summary>The console logger behind <see cref="AddressInUseLogFilter"/>: a busy port is one line from ServeCommand, not the host's stack trace.</summary>
    private static void QuietAddressInUse(IServiceCollection services)
    {
        var console = services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider));
        services.Remove(console);
        services.AddSingleton<ConsoleLoggerProvider>();
        services.AddSingleton<ILoggerProvider>(sp => new AddressInUseLogFilter(sp.GetRequiredService<ConsoleLoggerProvider>()));
    }

    /// <summary>
    /// The process's one actor system, through Akka.Hosting: the dead-letter listener and the monitor supervisor
    /// (registered as <c>IRequiredActor&lt;MonitorSupervisor&gt;</c>); Akka's logs go to the host's logging.
    /// </summary>
    private static void AddActors(IServiceCollection services, StandbyOpsConfig config, VirtualClock? virtualClock)
    {
        services.AddAkka(ClusterHosting.SystemName, (akka, sp) =>
        {
            if (virtualClock is not null)
            {
                akka.AddHocon(VirtualClock.SchedulerConfig, HoconAddMode.Prepend);
            }

            // The drain on SIGTERM (ActorSystemService) may take up to its own timeout; the phase's default is 5 s.
            akka.AddHocon(Akka.Configuration.ConfigurationFactory.ParseString(
                $"akka.coordinated-shutdown.phases.service-requests-done.timeout = {(int)ActorSystemService.DrainTimeout.TotalSeconds + 5}s"), HoconAddMode.Prepend);

            akka.ConfigureLoggers(loggers =>
            {
                loggers.LogLevel = Akka.Event.LogLevel.WarningLevel;
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            });
            akka.AddStartup((system, _) => virtualClock?.Attach(system));
            akka.WithActors((system, registry) =>
            {
                SchedulerStart.Ensure(system);
                var deadLetters = system.ActorOf(DeadLetterCounter.Props(sp.GetRequiredService<DeadLetterLog>()), "dead-letters");
                system.EventStream.Subscribe(deadLetters, typeof(Akka.Event.AllDeadLetters));
                system.EventStream.Subscribe(deadLetters, typeof(Akka.Event.UnhandledMessage));
                if (config.Cluster is null)
                {
                    var monitors = system.ActorOf(MonitorSupervisor.Props(sp.GetRequiredService<LiveConfig>().Current, sp.GetRequiredService<MonitorServices>()), "monitors");
                    registry.Register<MonitorSupervisor>(monitors);
                }
            });
            if (config.Cluster is { } cluster)
            {
                ClusterHosting.Configure(akka, cluster, sp);
            }
        });
        services.AddHostedService<ActorSystemService>();
    }

    private static void AddMonitoring(IServiceCollection services)
    {
        services.AddProbes();
        // A check URL that is only a path (the demo's /healthz) probes this server, wherever --urls puts it.
        services.AddHttpClient(ProbeFactory.HttpClientName).ConfigureHttpClient((sp, client) =>
            client.BaseAddress = ListenAddresses.Self(sp.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>(), sp.GetRequiredService<ServerSettings>()));
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
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IClock>(),
            new MonitorTargets(() => sp.GetRequiredService<LiveConfig>().Current)));
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
        if (database is PostgresDatabase)
        {
            LogSharedStore(logger, database.Location, applied.Count);
        }
        else
        {
            LogStore(logger, database.Location, applied.Count);
        }

        if (services.GetRequiredService<IClock>() is VirtualClock)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Location} ({Applied} migrations applied now), shared by every node that names it")]
    private static partial void LogSharedStore(ILogger logger, string location, int applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running on VIRTUAL TIME starting {Start} ({Variable} is set): time moves only through POST /api/v1/admin/clock/advance. Never use this in production")]
    private static partial void LogVirtualTime(ILogger logger, Instant start, string variable);

    [LoggerMessage(Level = LogLevel.Information, Message = "An admin token exists for the secret in {Variable}")]
    private static partial void LogAdminToken(ILogger logger, string variable);
}
