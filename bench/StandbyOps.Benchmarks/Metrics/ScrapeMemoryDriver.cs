using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace StandbyOps.Benchmarks.Metrics;

/// <summary>
/// Memory of a real server process under concurrent <c>/metrics</c> scrapes with many pushed groups: starts
/// <c>StandbyOps.Server.dll</c> on a temporary store, pushes <c>groups</c> groups of <c>series</c> series, then runs
/// <c>rounds</c> rounds of <c>scrapes</c> concurrent scrapes, and prints idle RSS before, peak RSS during (the kernel's
/// <c>VmHWM</c>, reset before the scrapes) and idle RSS afterwards.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project bench/StandbyOps.Benchmarks -- scrape-memory &lt;server.dll&gt; [groups=100] [series=500] [scrapes=25] [rounds=4]</c>
/// </remarks>
public static class ScrapeMemoryDriver
{
    private const string AdminSecret = "bench-admin-secret-0123456789abcdef";

    /// <summary>Runs the driver.</summary>
    public static async Task RunAsync(string[] args)
    {
        var serverDll = Path.GetFullPath(args.Length > 0 ? args[0] : "src/StandbyOps.Server/bin/Release/net10.0/StandbyOps.Server.dll");
        var groups = Arg(args, 1, 100);
        var series = Arg(args, 2, 500);
        var scrapes = Arg(args, 3, 25);
        var rounds = Arg(args, 4, 4);
        var config = Path.GetFullPath("standbyops.yaml");
        var data = Directory.CreateTempSubdirectory("standbyops-scrape-");
        var port = 20000 + Random.Shared.Next(20000);
        var start = new ProcessStartInfo("dotnet", [serverDll, "--urls", $"http://127.0.0.1:{port}", "--data-dir", data.FullName, "--config", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["STANDBYOPS_ADMIN_TOKEN"] = AdminSecret;
        using var server = Process.Start(start) ?? throw new InvalidOperationException("the server did not start");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            await WaitReadyAsync(http);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminSecret);
            var pusher = await PusherSecretAsync(http);

            long pushedBytes = 0;
            using (var push = new HttpClient { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromMinutes(5) })
            {
                push.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pusher);
                for (var g = 0; g < groups; g++)
                {
                    var body = Body(g, series);
                    pushedBytes += Encoding.UTF8.GetByteCount(body);
                    using var response = await push.PutAsync($"/metrics/job/node/instance/host-{g:D3}", new StringContent(body, Encoding.UTF8, "text/plain"));
                    response.EnsureSuccessStatusCode();
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
            var idleBefore = Status(server.Id, "VmRSS");
            File.WriteAllText($"/proc/{server.Id}/clear_refs", "5"); // resets VmHWM to the current RSS
            long scrapeBytes = 0;
            var clock = Stopwatch.StartNew();
            for (var round = 0; round < rounds; round++)
            {
                var lengths = await Task.WhenAll(Enumerable.Range(0, scrapes).Select(_ => ScrapeAsync(http)));
                scrapeBytes = lengths.Max();
            }

            var elapsed = clock.Elapsed;
            var peak = Status(server.Id, "VmHWM");
            await Task.Delay(TimeSpan.FromSeconds(10));
            var idleAfter = Status(server.Id, "VmRSS");

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"groups={groups} series/group={series} pushed={pushedBytes / 1e6:F1} MB scrape={scrapeBytes / 1e6:F1} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} rounds of {scrapes} concurrent scrapes in {elapsed.TotalSeconds:F1} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RSS idle before: {idleBefore / 1024} MiB; peak during scrapes: {peak / 1024} MiB; idle 10 s after: {idleAfter / 1024} MiB"));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            data.Delete(recursive: true);
        }
    }

    private static string Body(int group, int series)
    {
        var body = new StringBuilder(series * 170);
        body.Append("# HELP node_filesystem_avail_bytes Filesystem space available to non-root users in bytes.\n# TYPE node_filesystem_avail_bytes gauge\n");
        for (var i = 0; i < series; i++)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"node_filesystem_avail_bytes{{device=\"/dev/disk/by-uuid/{group:D4}{i:D4}-aaaa-bbbb-cccc-0123456789ab\",fstype=\"ext4\",mountpoint=\"/srv/volume-{i:D4}\"}} {1.5e12 + i}\n");
        }

        return body.ToString();
    }

    private static async Task<long> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static async Task<string> PusherSecretAsync(HttpClient http)
    {
        using var created = await http.PostAsJsonAsync("/api/v1/tokens", new { name = "bench-pusher", role = "pusher", customer = "acme" });
        created.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("secret").GetString()!;
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the server did not become ready within 2 minutes");
    }

    /// <summary>A <c>kB</c> figure from <c>/proc/&lt;pid&gt;/status</c>.</summary>
    private static long Status(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"no {field} in /proc/{pid}/status");
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
