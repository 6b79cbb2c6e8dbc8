using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Signals;
using StandbyOps.Server.Hosting;
using StandbyOps.Testing.FakeTwilio;
using StandbyOps.Testing.Support;

namespace StandbyOps.Benchmarks.Paging;

/// <summary>
/// Latency driver for issue "paging": the whole server (composition root, SQLite store with WAL and
/// <c>synchronous=FULL</c>, paging dispatcher, Twilio sender over HTTP) runs in this process on the real clock
/// and pages through a fake Twilio on loopback. Each incident is opened at the incident desk (as a monitor's
/// failure signal does) and the latency is measured from just before the desk call until the fake Twilio
/// received the Messages API request. Every incident pages a different engineer (one team per incident), so
/// the per-phone send limit never delays a page; group wait is 0.
/// <c>dotnet run -c Release --project bench/StandbyOps.Benchmarks -- paging-latency [incidents=1000] [ratePerSecond=0]</c>;
/// rate 0 opens the next incident once the previous page arrived (closed loop), a positive rate opens them on a fixed
/// schedule whether or not earlier pages are out (open loop).
/// </summary>
public static class PagingLatencyDriver
{
    private const int WarmUp = 50;

    /// <summary>Runs the measurement and prints the results.</summary>
    public static async Task RunAsync(string[] args)
    {
        var incidents = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var rate = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        var clock = SystemClock.Instance;
        var directory = Directory.CreateTempSubdirectory("standbyops-paging-bench-");
        try
        {
            await using var twilio = await FakeTwilioServer.StartAsync(clock);
            var configPath = Path.Combine(directory.FullName, "standbyops.yaml");
            await File.WriteAllTextAsync(configPath, Config(twilio, WarmUp + incidents));
            var config = ConfigurationGate.Load(configPath, Console.Error) ?? throw new InvalidOperationException("The generated configuration does not load.");

            // The server logs every page at Information; keep the console to warnings so the driver measures paging, not the terminal.
            Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
            var settings = new ServerSettings("http://127.0.0.1:0", Path.Combine(directory.FullName, "data"), configPath);
            await using var app = ServerHost.Build(settings, config, clock);
            await ServerHost.PrepareStoreAsync(app.Services, CancellationToken.None);
            await app.StartAsync();
            var desk = app.Services.GetRequiredService<IncidentDesk>();

            await OpenAsync(desk, twilio, clock, 0, WarmUp, rate);
            var latencies = await OpenAsync(desk, twilio, clock, WarmUp, incidents, rate);
            var sent = twilio.Requests.Count(r => r.Status == 201);
            await app.StopAsync();

            Array.Sort(latencies);
            Console.WriteLine($"incidents={incidents} mode={(rate > 0 ? $"open loop at {rate.ToString(CultureInfo.InvariantCulture)}/s" : "closed loop")} groupWait=0 store=SQLite (WAL, synchronous=FULL)");
            Console.WriteLine($"SMS accepted by the fake Twilio: {sent} for {WarmUp + incidents} incidents (incl. {WarmUp} warm-up)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"incident opened -> Twilio request: p50 {Percentile(latencies, 0.50):F1} ms, p90 {Percentile(latencies, 0.90):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<double[]> OpenAsync(IncidentDesk desk, FakeTwilioServer twilio, IClock clock, int first, int count, double rate)
    {
        var opened = new Instant[count];
        var schedule = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            if (rate > 0)
            {
                var due = TimeSpan.FromSeconds(i / rate);
                if (due > schedule.Elapsed)
                {
                    await Task.Delay(due - schedule.Elapsed);
                }
            }

            var n = first + i;
            opened[i] = clock.GetCurrentInstant();
            await desk.HandleFailureAsync(new FailureSignal(
                Customer(n), "web", SignalSource.Check, $"bench:{n}", Priority.P1, $"web {n} is down", "HTTP 503", opened[i]));
            if (rate <= 0)
            {
                await twilio.WaitForRequestsAsync(n + 1, TimeSpan.FromSeconds(30));
            }
        }

        var requests = await twilio.WaitForRequestsAsync(first + count, TimeSpan.FromSeconds(60));
        var latencies = new double[count];
        foreach (var request in requests.Where(r => r.Status == 201))
        {
            var n = int.Parse(request.Form["To"].AsSpan(6), CultureInfo.InvariantCulture);
            if (n >= first && n < first + count)
            {
                latencies[n - first] = (request.ReceivedAt - opened[n - first]).TotalMilliseconds;
            }
        }

        return latencies;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Customer(int n) => string.Create(CultureInfo.InvariantCulture, $"c{n}");

    /// <summary>One customer and team per incident; agreed standby outside 08:30–18:00 and a duty engineer inside, so a page goes out whenever the driver runs.</summary>
    private static string Config(FakeTwilioServer twilio, int teams)
    {
        var yaml = new StringBuilder(ConfigBlocks.TwilioSmsServer(new Uri("http://127.0.0.1:8080"), twilio, "+3197010000000"));
        yaml.Append(string.Create(CultureInfo.InvariantCulture, $$"""

            calendars:
              office:
                timeZone: Europe/Amsterdam
                hours:
                  mon-fri: "08:30-18:00"
            rateCards:
            {{ConfigBlocks.StandardRateCard()}}
            teams:

            """));
        for (var n = 0; n < teams; n++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                  t{{n}}:
                    timeZone: Europe/Amsterdam
                    engineers:
                      e{{n}}: { name: Engineer {{n}}, phone: "+31600{{n:D6}}" }
                    rotation: { every: week, handover: "mon 08:30", order: [e{{n}}], start: "2026-01-05" }
                    duty: { every: day, handover: "08:30", order: [e{{n}}], start: "2026-01-05" }
                    escalation:
                      - { after: 0m, notify: onCall }
                    groupWait: 0s

                """);
        }

        yaml.Append("customers:\n");
        for (var n = 0; n < teams; n++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                  {{Customer(n)}}:
                    name: Customer {{n}}
                    calendar: office
                    rateCard: standard
                    team: t{{n}}
                    sla:
                      P1: { response: 4 business hours }
                    standby:
                      coverage: [nights, weekends, holidays]

                """);
        }

        return yaml.ToString();
    }
}
