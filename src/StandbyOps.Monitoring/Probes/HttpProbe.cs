using System.Buffers;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;

namespace StandbyOps.Monitoring.Probes;

/// <summary>Sends one request and judges status, body and latency, in that order.</summary>
internal sealed class HttpProbe(HttpProbeDefinition definition, HttpClient client) : IProbe
{
    /// <summary>How much of the body <see cref="HttpProbeDefinition.BodyContains"/> looks at; health pages are small, downloads are not.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private readonly HttpMethod _method = new(definition.Method);

    public Task<ProbeResult> RunAsync(CancellationToken cancellationToken) =>
        ProbeExecution.RunAsync(definition.Timeout, CheckAsync, DescribeFailure, cancellationToken);

    private async Task<ProbeResult> CheckAsync(long started, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(_method, definition.Url);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = (int)response.StatusCode;
        if (!definition.ExpectStatus.Contains(status))
        {
            return ProbeResult.Failed(
                Stopwatch.GetElapsedTime(started),
                $"HTTP {status} (expected {ProbeText.StatusCodes(definition.ExpectStatus)})");
        }

        if (definition.BodyContains is { } expected)
        {
            var body = await ReadBodyPrefixAsync(response.Content, cancellationToken);
            if (!body.Contains(expected, StringComparison.Ordinal))
            {
                return ProbeResult.Failed(Stopwatch.GetElapsedTime(started), $"body does not contain {ProbeText.Quoted(expected)}");
            }
        }

        var latency = Stopwatch.GetElapsedTime(started);
        if (definition.MaxLatency is { } maxLatency && latency > maxLatency)
        {
            return ProbeResult.Failed(latency, $"latency {ProbeText.Duration(latency)} > max {ProbeText.Duration(maxLatency)}");
        }

        return ProbeResult.Passed(latency, $"HTTP {status}");
    }

    private static async Task<string> ReadBodyPrefixAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            var length = 0;
            int read;
            while (length < MaxBodyBytes
                   && (read = await stream.ReadAsync(buffer.AsMemory(length, MaxBodyBytes - length), cancellationToken)) > 0)
            {
                length += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string DescribeFailure(Exception exception)
    {
        if (ProbeExecution.Find<CertificateRejectedException>(exception) is { } rejected)
        {
            return $"TLS: {rejected.Problem}";
        }

        if (exception is not HttpRequestException request)
        {
            return ProbeExecution.Unexpected("HTTP", exception);
        }

        return request.HttpRequestError switch
        {
            HttpRequestError.SecureConnectionError => "TLS: handshake failed",
            HttpRequestError.NameResolutionError => "DNS: name not found",
            HttpRequestError.ConnectionError when ProbeExecution.Find<SocketException>(exception) is { } socket =>
                SocketFailure.Describe(socket),
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.ResponseEnded => "HTTP: connection closed before the response ended",
            HttpRequestError.InvalidResponse => "HTTP: invalid response",
            _ => ProbeExecution.Unexpected("HTTP", exception),
        };
    }
}
